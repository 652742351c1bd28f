package nl.schakel.meeting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A meeting as the coordinator schedules it: when, where (a place or a video link), the
 * chair, the cases.
 */
public record NewMeeting(OffsetDateTime startsAt, String place, String videoLink, String chair, List<UUID> caseIds) {
}
