package nl.schakel.policy;

import java.util.List;

/**
 * The policy files are missing, malformed or refer to something unknown. The message
 * lists every problem found, one per line, as {@code file:line: problem}; the application
 * must not start with such a policy.
 */
public class PolicyValidationException extends RuntimeException {

	private final List<PolicyError> errors;

	public PolicyValidationException(List<PolicyError> errors) {
		super(PolicyError.report("The access policy is invalid", errors));
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("A validation exception needs at least one error");
		}
		this.errors = List.copyOf(errors);
	}

	/** The problems, in the order of the files and lines they were found in. */
	public List<PolicyError> errors() {
		return this.errors;
	}

}
