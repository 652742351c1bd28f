package nl.schakel.casefile;

import java.time.LocalDate;
import java.util.List;

import nl.schakel.person.PersonSummary;

/** A case as the coordinator sees it, with the statuses it may move to next. */
public record CaseView(CaseId id, String reference, PersonSummary person, CaseType caseType, CaseStatus status,
		List<CaseStatus> nextStatuses, String coordinator, LocalDate openedOn, LocalDate closedOn) {
}
