package nl.schakel.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.ids.CaseId;

/**
 * A case's own facts, without anything about the person beyond their id: safe to use for
 * lists and for deciding what to disclose, never itself content.
 */
public record CaseFacts(CaseId id, String reference, UUID personId, CaseType caseType, CaseStatus status,
		List<CaseStatus> nextStatuses, String coordinator, UUID organisationId, LocalDate openedOn, LocalDate closedOn,
		TriageOutcome triageOutcome, String triageReason, CloseReason closeReason, String closeText,
		LocalDate reopenedOn, String reopenReason) {

	public boolean open() {
		return this.status != CaseStatus.CLOSED;
	}

	/** Closed by triage: advice only or declined. */
	public boolean declined() {
		return !open() && this.triageOutcome != null && this.triageOutcome != TriageOutcome.ACCEPTED;
	}

}
