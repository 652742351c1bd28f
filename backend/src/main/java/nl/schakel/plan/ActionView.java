package nl.schakel.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.policy.Decision;

/**
 * An action as a participant reads it: the metadata, the description when the gate
 * permits it (else {@code null}, with the decision), and the progress notes the gate
 * permits.
 */
public record ActionView(UUID id, UUID caseId, String description, Decision descriptionDecision, String organisation,
		LocalDate due, ActionStatus status, boolean overdue, String assignedBy, Instant assignedAt, UUID meetingId,
		List<Note> notes) {

	/** One status change with its progress note (the text only when permitted). */
	public record Note(UUID id, ActionStatus status, String organisation, Instant at, String text, Decision decision) {
	}

}
