package nl.schakel.audit;

import java.util.List;
import java.util.stream.Collectors;

import nl.schakel.policy.PolicyError;

/**
 * {@code review-flags.yaml} is missing, malformed or names something unknown. The message lists
 * every problem as {@code file:line: problem}; Schakel does not start with it.
 */
public class ReviewFlagsInvalid extends RuntimeException {

	private final List<PolicyError> errors;

	ReviewFlagsInvalid(List<PolicyError> errors) {
		super(errors.stream()
			.map(PolicyError::toString)
			.collect(Collectors.joining(System.lineSeparator(), "The review flags are invalid (" + errors.size()
					+ " problem" + ((errors.size() == 1) ? "" : "s") + "):" + System.lineSeparator(), "")));
		this.errors = List.copyOf(errors);
	}

	public List<PolicyError> errors() {
		return this.errors;
	}

}
