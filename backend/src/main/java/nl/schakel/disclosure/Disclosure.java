package nl.schakel.disclosure;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import nl.schakel.policy.Decision;
import org.hibernate.annotations.Immutable;
import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.springframework.data.domain.Persistable;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * One item shown, exported or denied to one person: who, whose data, which item, why
 * (purpose, legal basis, rule, policy version), the decision, the channel and the request.
 * Written once, never changed.
 * <p>
 * Envers records each row in the revision of the transaction that wrote it (actor,
 * organisation, purpose, request id, policy version), but copies only its id: the row cannot
 * change (triggers, grants, the sealed hash chain), so a copy of its columns would hold
 * nothing the row does not, and would double the cost of every read's log write.
 */
@Entity
@Table(name = "disclosure")
@Immutable
@Audited
public class Disclosure implements Persistable<UUID> {

	@Id
	private UUID id;

	@NotAudited
	private Instant occurredAt;

	@NotAudited
	private String actor;

	@NotAudited
	private String actorOrganisation;

	@NotAudited
	private String actorRole;

	@NotAudited
	private UUID caseId;

	@NotAudited
	private UUID personId;

	@Enumerated(EnumType.STRING)
	@NotAudited
	private ItemKind itemKind;

	@NotAudited
	private UUID itemId;

	@NotAudited
	private String category;

	@NotAudited
	private String purpose;

	@NotAudited
	private String legalBasis;

	@NotAudited
	private String ruleId;

	@NotAudited
	private String policyVersion;

	@Enumerated(EnumType.STRING)
	@NotAudited
	private Decision decision;

	@Enumerated(EnumType.STRING)
	@NotAudited
	private Channel channel;

	@NotAudited
	private String requestId;

	/** The caller's own {@code X-Request-Id}, kept for correlation only: not unique, not ours. */
	@NotAudited
	private String correlationId;

	@NotAudited
	private boolean flagged;

	@Transient
	private boolean recorded;

	protected Disclosure() {
	}

	Disclosure(Instant occurredAt, Recipient recipient, CaseSubject subject, DisclosableItem item, String purpose,
			String legalBasis, String ruleId, String policyVersion, Decision decision, Channel channel,
			String requestId, boolean flagged) {
		this.id = timeOrderedId();
		this.occurredAt = occurredAt;
		this.actor = recipient.username();
		this.actorOrganisation = recipient.organisation();
		this.actorRole = recipient.role();
		this.caseId = subject.caseId();
		this.personId = subject.personId();
		this.itemKind = item.kind();
		this.itemId = item.id();
		this.category = item.category().name();
		this.purpose = purpose;
		this.legalBasis = legalBasis;
		this.ruleId = ruleId;
		this.policyVersion = policyVersion;
		this.decision = decision;
		this.channel = channel;
		this.requestId = requestId;
		this.flagged = flagged;
	}

	/**
	 * A disclosure of log metadata rather than of a case item (an audit search, an export, a
	 * subject-access report): permitted by the auditor's task, never carrying content.
	 */
	static Disclosure ofMetadata(Instant occurredAt, Recipient recipient, UUID caseId, UUID personId, ItemKind kind,
			UUID itemId, String purpose, String legalBasis, String ruleId, String policyVersion, Channel channel,
			String requestId) {
		Disclosure row = new Disclosure();
		row.id = timeOrderedId();
		row.occurredAt = occurredAt;
		row.actor = recipient.username();
		row.actorOrganisation = recipient.organisation();
		row.actorRole = recipient.role();
		row.caseId = caseId;
		row.personId = personId;
		row.itemKind = kind;
		row.itemId = itemId;
		row.purpose = purpose;
		row.legalBasis = legalBasis;
		row.ruleId = ruleId;
		row.policyVersion = policyVersion;
		row.decision = Decision.PERMIT;
		row.channel = channel;
		row.requestId = requestId;
		return row;
	}

	/**
	 * A version 7 UUID: its leading bits are the time, so consecutive rows land next to each
	 * other in the primary key's index instead of on a random page of a ten-million-row tree.
	 */
	private static UUID timeOrderedId() {
		return UuidVersion7Strategy.INSTANCE.generateUuid(null);
	}

	/** Notes the caller's correlation id before the row is written. */
	Disclosure correlatedWith(String correlationId) {
		this.correlationId = correlationId;
		return this;
	}

	@PostPersist
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

	@Override
	public UUID getId() {
		return this.id;
	}

	/** Always new until written: a disclosure is inserted once and never merged or updated. */
	@Override
	public boolean isNew() {
		return !this.recorded;
	}

	public Decision decision() {
		return this.decision;
	}

	public boolean flagged() {
		return this.flagged;
	}

	/** Who received the information: username, organisation code and the role it was decided for. */
	record Recipient(String username, String organisation, String role) {
	}

}
