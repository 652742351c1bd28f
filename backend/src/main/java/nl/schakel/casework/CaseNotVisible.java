package nl.schakel.casework;

import java.util.UUID;

/**
 * The reader may not know of this case (or it does not exist); the page says only that.
 */
class CaseNotVisible extends RuntimeException {

	private final UUID caseId;

	CaseNotVisible(UUID caseId) {
		super("Case not visible");
		this.caseId = caseId;
	}

	UUID caseId() {
		return this.caseId;
	}

}
