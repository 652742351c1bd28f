package nl.schakel.disclosure;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import nl.schakel.policy.Decision;
import org.hibernate.annotations.Immutable;

/**
 * One item shown, exported or denied within a {@link DisclosureEvent}: which item, why
 * (legal basis, rule, consent), the decision, the role it was decided for and whether it
 * needs review. Written once with its event, never changed. Its id is the item's
 * disclosure id, which the auditor's search, the review queue and the seal know it by.
 */
@Entity
@Table(name = "disclosure_event_item")
@Immutable
public class Disclosure {

	@Id
	private UUID id;

	private UUID eventId;

	/**
	 * The event's time, copied: the events are partitioned by month on it, and an item
	 * finds its event by {@code (event_id, occurred_at)} in one partition.
	 */
	private Instant occurredAt;

	private String actorRole;

	@Enumerated(EnumType.STRING)
	private ItemKind itemKind;

	private UUID itemId;

	private String category;

	private String legalBasis;

	private String ruleId;

	@Enumerated(EnumType.STRING)
	private Decision decision;

	private UUID consentId;

	private boolean flagged;

	@Transient
	private boolean recorded;

	protected Disclosure() {
	}

	Disclosure(DisclosureEvent event, String actorRole, DisclosableItem item, String legalBasis, String ruleId,
			Decision decision, UUID consentId, boolean flagged) {
		this.id = DisclosureEvent.timeOrderedId();
		this.eventId = event.id();
		this.occurredAt = event.occurredAt();
		this.actorRole = actorRole;
		this.itemKind = item.kind();
		this.itemId = item.id();
		this.category = item.category().name();
		this.legalBasis = legalBasis;
		this.ruleId = ruleId;
		this.decision = decision;
		this.consentId = consentId;
		this.flagged = flagged;
	}

	/**
	 * A disclosure of log metadata rather than of a case item (an audit search, an
	 * export, a subject-access report): permitted by the auditor's task, never carrying
	 * content.
	 */
	static Disclosure ofMetadata(DisclosureEvent event, String actorRole, ItemKind kind, UUID itemId, String legalBasis,
			String ruleId) {
		Disclosure row = new Disclosure();
		row.id = DisclosureEvent.timeOrderedId();
		row.eventId = event.id();
		row.occurredAt = event.occurredAt();
		row.actorRole = actorRole;
		row.itemKind = kind;
		row.itemId = itemId;
		row.legalBasis = legalBasis;
		row.ruleId = ruleId;
		row.decision = Decision.PERMIT;
		return row;
	}

	/** Marks the row written to the log (in the current transaction). */
	void markRecorded() {
		this.recorded = true;
	}

	/** Whether this row has been written to the log (in the current transaction). */
	boolean isRecorded() {
		return this.recorded;
	}

	boolean permitsContentOf(UUID item) {
		return this.decision == Decision.PERMIT && item.equals(this.itemId);
	}

	public UUID id() {
		return this.id;
	}

	public Decision decision() {
		return this.decision;
	}

	String actorRole() {
		return this.actorRole;
	}

	ItemKind itemKind() {
		return this.itemKind;
	}

	UUID itemId() {
		return this.itemId;
	}

	String category() {
		return this.category;
	}

	String legalBasis() {
		return this.legalBasis;
	}

	String ruleId() {
		return this.ruleId;
	}

	UUID consentId() {
		return this.consentId;
	}

	public boolean flagged() {
		return this.flagged;
	}

}
