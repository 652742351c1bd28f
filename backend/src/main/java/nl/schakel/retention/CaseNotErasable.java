package nl.schakel.retention;

/**
 * No such case, or not one of the coordinator's own safety house: one answer for both.
 */
class CaseNotErasable extends RuntimeException {

	CaseNotErasable() {
		super("No such case in your safety house");
	}

}
