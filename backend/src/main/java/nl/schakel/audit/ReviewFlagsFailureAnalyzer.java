package nl.schakel.audit;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns invalid review flags into a start-up failure that names each file, line and
 * problem.
 */
class ReviewFlagsFailureAnalyzer extends AbstractFailureAnalyzer<ReviewFlagsInvalid> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ReviewFlagsInvalid cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct policies/review-flags.yaml (see policies/README.md) and start again.", cause);
	}

}
