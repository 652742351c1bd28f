package nl.schakel.retention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One recorded extension of a case's retention: kept until this day, for this reason (a
 * pending legal procedure), by this coordinator.
 *
 * @param caseId the case
 * @param until the day until which the case is kept
 * @param reason why, as the coordinator wrote it
 * @param recordedBy the coordinator's user name
 * @param recordedAt when it was recorded
 */
public record RetentionExtension(UUID caseId, LocalDate until, String reason, String recordedBy,
		OffsetDateTime recordedAt) {
}
