package nl.schakel.assessment;

import java.util.List;

import nl.schakel.policy.PolicyError;

/**
 * A file of the instrument or the intervention catalogue is missing, malformed or refers
 * to something unknown; the message names every problem as {@code file:line: problem}.
 * The application does not start with it.
 */
public class InstrumentInvalid extends RuntimeException {

	private final List<PolicyError> errors;

	public InstrumentInvalid(String heading, List<PolicyError> errors) {
		super(PolicyError.report(heading, errors));
		this.errors = List.copyOf(errors);
	}

	public List<PolicyError> errors() {
		return this.errors;
	}

}
