package nl.schakel.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An action as the coordinator records it: what, by which admitted organisation, by when;
 * optionally the meeting that agreed it.
 */
public record NewAction(String description, String organisation, LocalDate due, UUID meetingId) {

	@Override
	public String toString() {
		// the description is case content: never in a log line
		return "NewAction[organisation=" + this.organisation + ", due=" + this.due + "]";
	}

}
