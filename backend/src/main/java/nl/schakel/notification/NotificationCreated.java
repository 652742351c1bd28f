package nl.schakel.notification;

import java.util.UUID;

/**
 * A notification was stored; after its transaction commits it may also go out by e-mail.
 */
record NotificationCreated(UUID id, NotificationKind kind, String caseReference, Recipient recipient) {
}
