package nl.schakel.meeting;

import java.time.Instant;
import java.util.UUID;

import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;

/**
 * Minutes as a reader gets them through the gate: the text only when permitted, else
 * {@code null} with the decision and the rule that made it; {@code erased} when the text
 * was erased under its category's retention period.
 */
public record MinutesView(UUID id, UUID meetingId, UUID caseId, String organisation, DataCategory category,
		Instant createdAt, Decision decision, String rule, String text, boolean erased) {

	public MinutesView(UUID id, UUID meetingId, UUID caseId, String organisation, DataCategory category,
			Instant createdAt, Decision decision, String rule, String text) {
		this(id, meetingId, caseId, organisation, category, createdAt, decision, rule, text, false);
	}

}
