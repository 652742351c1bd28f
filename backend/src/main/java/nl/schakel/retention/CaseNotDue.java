package nl.schakel.retention;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A case erased "because its retention ran out" whose retention has not run out: it is
 * open, or its period (or a recorded extension) ends later. Nothing is erased.
 */
class CaseNotDue extends RuntimeException {

	private final transient LocalDate dueOn;

	CaseNotDue(UUID caseId, String why, LocalDate dueOn) {
		super("Case " + caseId + " is not due for erasure: " + why);
		this.dueOn = dueOn;
	}

	/** The first day the case may be erased, or {@code null} while it is open. */
	LocalDate dueOn() {
		return this.dueOn;
	}

}
