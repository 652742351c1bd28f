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
import org.springframework.data.domain.Persistable;
import org.hibernate.envers.Audited;

/**
 * One item shown, exported or denied to one person: who, whose data, which item, why
 * (purpose, legal basis, rule, policy version), the decision, the channel and the request.
 * Written once, never changed.
 */
@Entity
@Table(name = "disclosure")
@Immutable
@Audited
public class Disclosure implements Persistable<UUID> {

	@Id
	private UUID id;

	private Instant occurredAt;

	private String actor;

	private String actorOrganisation;

	private String actorRole;

	private UUID caseId;

	private UUID personId;

	@Enumerated(EnumType.STRING)
	private ItemKind itemKind;

	private UUID itemId;

	private String category;

	private String purpose;

	private String legalBasis;

	private String ruleId;

	private String policyVersion;

	@Enumerated(EnumType.STRING)
	private Decision decision;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private String requestId;

	private boolean flagged;

	@Transient
	private boolean recorded;

	protected Disclosure() {
	}

	Disclosure(Instant occurredAt, Recipient recipient, CaseSubject subject, DisclosableItem item, String purpose,
			String legalBasis, String ruleId, String policyVersion, Decision decision, Channel channel,
			String requestId, boolean flagged) {
		this.id = UUID.randomUUID();
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
		row.id = UUID.randomUUID();
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
