package nl.schakel.policy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an invalid policy into a start-up failure that names each file, line and problem.
 */
class PolicyFailureAnalyzer extends AbstractFailureAnalyzer<PolicyValidationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PolicyValidationException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct the policy files (see policies/README.md) and start again. Schakel does not start "
						+ "with a policy it cannot read: without it nothing could be disclosed safely.",
				cause);
	}

}
