package nl.schakel.meeting;

import java.util.List;
import java.util.UUID;

/**
 * A case meeting was scheduled ({@code changed} false) or changed (true). Names the
 * cases, no content: a listener (notifications) tells the invited organisations.
 */
public record MeetingScheduled(UUID meetingId, List<UUID> caseIds, boolean changed) {

	public MeetingScheduled {
		caseIds = List.copyOf(caseIds);
	}

}
