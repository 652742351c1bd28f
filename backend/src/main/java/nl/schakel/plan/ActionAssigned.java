package nl.schakel.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An action of a case's plan was assigned to an organisation. Names no content: a
 * listener (notifications) tells the organisation which case and by when, never what.
 */
public record ActionAssigned(UUID caseId, UUID actionId, String organisation, LocalDate due) {
}
