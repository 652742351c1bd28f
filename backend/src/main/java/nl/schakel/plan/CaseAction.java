package nl.schakel.plan;

import java.time.Instant;
import java.time.LocalDate;
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
 * One action of a case's plan: its description sealed, its organisation, deadline and
 * status in the open (the plan's metadata).
 */
@Entity
@Table(name = "case_action")
@Audited
class CaseAction {

	static final String TABLE = "case_action";

	static final String CONTENT_COLUMN = "description_ciphertext";

	@Id
	private UUID id;

	private UUID caseId;

	private String organisation;

	private LocalDate due;

	@Enumerated(EnumType.STRING)
	private ActionStatus status;

	@Column(name = CONTENT_COLUMN)
	private byte[] descriptionCiphertext;

	private String assignedBy;

	private String assignedByOrganisation;

	private Instant assignedAt;

	private UUID meetingId;

	private String statusChangedBy;

	private Instant statusChangedAt;

	@Version
	private long version;

	protected CaseAction() {
	}

	CaseAction(UUID caseId, String organisation, LocalDate due, String assignedBy, String assignedByOrganisation,
			Instant assignedAt, UUID meetingId) {
		this.id = UUID.randomUUID();
		this.caseId = caseId;
		this.organisation = organisation;
		this.due = due;
		this.status = ActionStatus.OPEN;
		this.assignedBy = assignedBy;
		this.assignedByOrganisation = assignedByOrganisation;
		this.assignedAt = assignedAt;
		this.meetingId = meetingId;
	}

	FieldBinding descriptionBinding() {
		return new FieldBinding(TABLE, CONTENT_COLUMN, this.id, this.caseId);
	}

	void seal(byte[] ciphertext) {
		this.descriptionCiphertext = ciphertext;
	}

	void changeStatus(ActionStatus target, String by, Instant at) {
		this.status = target;
		this.statusChangedBy = by;
		this.statusChangedAt = at;
	}

	boolean overdue(LocalDate today) {
		return this.status.pending() && this.due.isBefore(today);
	}

	ActionSummary summary(LocalDate today) {
		return new ActionSummary(this.id, this.caseId, this.organisation, this.due, this.status, overdue(today));
	}

	/**
	 * The description as the gate sees it: the safety house's record, for every
	 * participant.
	 */
	DisclosableItem toItem() {
		return new DisclosableItem(ItemKind.ACTION, this.id, DataCategory.GENERAL, LegalBasis.PUBLIC_TASK, null,
				this.assignedByOrganisation, Audience.everyParticipant(), this.assignedAt,
				SealedContent.of(this.descriptionCiphertext, descriptionBinding()));
	}

	UUID id() {
		return this.id;
	}

	UUID caseId() {
		return this.caseId;
	}

	String organisation() {
		return this.organisation;
	}

	LocalDate due() {
		return this.due;
	}

	ActionStatus status() {
		return this.status;
	}

	String assignedBy() {
		return this.assignedBy;
	}

	Instant assignedAt() {
		return this.assignedAt;
	}

	UUID meetingId() {
		return this.meetingId;
	}

}
