package nl.schakel.audit;

/**
 * Whom a subject-access report is for: a BSN, or a name with a date of birth.
 *
 * @param bsn nine digits (eleven-test), or empty
 * @param name the full name, when no BSN is given
 * @param dateOfBirth the date of birth (2001-12-31), when no BSN is given
 */
public record SubjectAccessRequest(String bsn, String name, String dateOfBirth) {

	/** Never shows the BSN, so a request cannot leak it into a log line. */
	@Override
	public String toString() {
		return "SubjectAccessRequest[bsn=" + ((this.bsn == null || this.bsn.isBlank()) ? "none" : "*********")
				+ ", name=" + ((this.name == null) ? "none" : "...") + "]";
	}

}
