package nl.schakel.plan;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import nl.schakel.crypto.FieldBinding;
import nl.schakel.disclosure.Audience;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.SealedContent;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import org.hibernate.envers.Audited;

/**
 * One status change of an action with its progress note, the note's text sealed: the
 * reporting organisation holds it, and every participant of the case is its audience.
 */
@Entity
@Table(name = "action_note")
@Audited
class ActionNote {

	static final String TABLE = "action_note";

	static final String CONTENT_COLUMN = "content_ciphertext";

	@Id
	private UUID id;

	private UUID actionId;

	private UUID caseId;

	@Enumerated(EnumType.STRING)
	private ActionStatus status;

	private String author;

	private String authorOrganisation;

	@Column(name = CONTENT_COLUMN)
	private byte[] contentCiphertext;

	private Instant createdAt;

	@Version
	private long version;

	protected ActionNote() {
	}

	ActionNote(UUID actionId, UUID caseId, ActionStatus status, String author, String authorOrganisation,
			Instant createdAt) {
		this.id = UUID.randomUUID();
		this.actionId = actionId;
		this.caseId = caseId;
		this.status = status;
		this.author = author;
		this.authorOrganisation = authorOrganisation;
		this.createdAt = createdAt;
	}

	FieldBinding contentBinding() {
		return new FieldBinding(TABLE, CONTENT_COLUMN, this.id, this.caseId);
	}

	void seal(byte[] ciphertext) {
		this.contentCiphertext = ciphertext;
	}

	boolean hasText() {
		return this.contentCiphertext != null;
	}

	DisclosableItem toItem() {
		return new DisclosableItem(ItemKind.ACTION_NOTE, this.id, DataCategory.GENERAL, LegalBasis.PUBLIC_TASK, null,
				this.authorOrganisation, Audience.everyParticipant(), this.createdAt,
				SealedContent.of(this.contentCiphertext, contentBinding()));
	}

	UUID id() {
		return this.id;
	}

	UUID actionId() {
		return this.actionId;
	}

	ActionStatus status() {
		return this.status;
	}

	String authorOrganisation() {
		return this.authorOrganisation;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
