package nl.schakel.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.schakel.plan.ActionSummary;

/**
 * A meeting with its agenda: per case the invited (admitted) organisations, their
 * attendance, the plan's open and overdue actions (metadata), and the minutes the reader
 * may see when the meeting was read under a purpose.
 */
public record MeetingView(UUID id, String safetyHouse, Instant startsAt, String place, String videoLink, String chair,
		String scheduledBy, List<UUID> caseIds, Map<String, Boolean> attendance, List<AgendaItem> agenda) {

	/** One case on the agenda. */
	public record AgendaItem(UUID id, String reference, String status, List<String> invited,
			Map<String, Boolean> attendance, List<ActionSummary> openActions, List<ActionSummary> overdueActions,
			List<MinutesView> minutes) {
	}

}
