package nl.schakel.audit;

import java.util.List;

import nl.schakel.policy.PolicyError;

/**
 * {@code review-flags.yaml} is missing, malformed or names something unknown. The message
 * lists every problem as {@code file:line: problem}; Schakel does not start with it.
 */
public class ReviewFlagsInvalid extends RuntimeException {

	private final List<PolicyError> errors;

	ReviewFlagsInvalid(List<PolicyError> errors) {
		super(PolicyError.report("The review flags are invalid", errors));
		this.errors = List.copyOf(errors);
	}

	public List<PolicyError> errors() {
		return this.errors;
	}

}
