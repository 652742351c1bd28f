package nl.schakel.retention;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The person asked for erasure while a recorded retention extension (a pending legal
 * procedure) still runs, and the decision does not say that hold was weighed. Nothing is
 * erased or recorded.
 */
class CaseUnderHold extends RuntimeException {

	private final transient LocalDate until;

	private final String reason;

	CaseUnderHold(UUID caseId, LocalDate until, String reason) {
		super("Case " + caseId + " is kept until " + until + " for a pending procedure");
		this.until = until;
		this.reason = reason;
	}

	LocalDate until() {
		return this.until;
	}

	String reason() {
		return this.reason;
	}

}
