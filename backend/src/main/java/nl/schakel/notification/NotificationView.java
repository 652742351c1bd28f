package nl.schakel.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification as its reader sees it: the kind of event and the case's reference, never
 * content.
 *
 * @param id the notification
 * @param kind what happened
 * @param caseId the case it happened in
 * @param caseReference the case's reference ({@code ZVH-yyyy-nnnnnn})
 * @param createdAt when
 * @param read whether this reader marked it read
 */
public record NotificationView(UUID id, NotificationKind kind, UUID caseId, String caseReference, Instant createdAt,
		boolean read) {
}
