package nl.schakel.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One notification to an organisation or a professional; it holds no case content. */
@Entity
@Table(name = "notification")
class Notification {

	@Id
	private UUID id;

	private String recipientOrganisation;

	private String recipientUsername;

	@Enumerated(EnumType.STRING)
	private NotificationKind kind;

	private UUID caseId;

	private String caseReference;

	private UUID subjectId;

	private Instant createdAt;

	protected Notification() {
	}

	Notification(Recipient recipient, NotificationKind kind, UUID caseId, String caseReference, UUID subjectId,
			Instant createdAt) {
		this.id = UUID.randomUUID();
		this.recipientOrganisation = recipient.organisation();
		this.recipientUsername = recipient.username();
		this.kind = kind;
		this.caseId = caseId;
		this.caseReference = caseReference;
		this.subjectId = subjectId;
		this.createdAt = createdAt;
	}

	UUID id() {
		return this.id;
	}

	NotificationKind kind() {
		return this.kind;
	}

	String caseReference() {
		return this.caseReference;
	}

	Recipient recipient() {
		return new Recipient(this.recipientOrganisation, this.recipientUsername);
	}

	NotificationView view(boolean read) {
		return new NotificationView(this.id, this.kind, this.caseId, this.caseReference, this.createdAt, read);
	}

}
