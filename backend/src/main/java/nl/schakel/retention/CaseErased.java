package nl.schakel.retention;

import java.util.UUID;

/** The case was erased: there is nothing left to show or change. */
class CaseErased extends RuntimeException {

	CaseErased(UUID caseId) {
		super("Case " + caseId + " was erased");
	}

}
