package nl.schakel.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An action as metadata: whose, by when, where it stands. No description, so it can be
 * shown on an agenda or a start page without a disclosure.
 */
public record ActionSummary(UUID id, UUID caseId, String organisation, LocalDate due, ActionStatus status,
		boolean overdue) {
}
