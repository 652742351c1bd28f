package nl.schakel.notification;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * That one professional read a notification. Kept per professional: a notification to an
 * organisation is read by each of its professionals on their own.
 */
@Entity
@Table(name = "notification_read")
class NotificationReceipt {

	@EmbeddedId
	private Key key;

	private Instant readAt;

	protected NotificationReceipt() {
	}

	NotificationReceipt(UUID notificationId, String username, Instant readAt) {
		this.key = new Key(notificationId, username);
		this.readAt = readAt;
	}

	@Embeddable
	record Key(@Column(name = "notification_id") UUID notificationId,
			@Column(name = "username") String username) implements Serializable {
	}

}
