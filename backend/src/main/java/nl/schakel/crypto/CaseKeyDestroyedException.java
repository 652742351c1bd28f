package nl.schakel.crypto;

import java.util.UUID;

/**
 * The case was erased: its data key is destroyed, so nothing of it can be sealed or
 * opened.
 */
public final class CaseKeyDestroyedException extends RuntimeException {

	private final UUID caseId;

	public CaseKeyDestroyedException(UUID caseId) {
		super("The data key of case " + caseId + " was destroyed (the case was erased)");
		this.caseId = caseId;
	}

	public UUID caseId() {
		return this.caseId;
	}

}
