package nl.schakel.disclosure;

import nl.schakel.security.Channel;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.envers.AuditTable;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.id.uuid.UuidVersion7Strategy;

/**
 * One read, search or export by one person: who (username, organisation), about which
 * case and person, for which purpose, through which channel, in which request, under
 * which policy version, when. What it showed, exported or denied are its items
 * ({@link Disclosure}), each with its own decision; the event is written once with all of
 * them, never changed.
 * <p>
 * Envers records the event in the revision of the transaction that wrote it, keeping only
 * its id: the row cannot change (triggers, grants, the sealed hash chain).
 */
@Entity
@Table(name = "disclosure_event")
@Immutable
@Audited
@AuditTable("disclosure_aud")
public class DisclosureEvent {

	@Id
	private UUID id;

	@NotAudited
	private Instant occurredAt;

	@NotAudited
	private String actor;

	@NotAudited
	private String actorOrganisation;

	@NotAudited
	private UUID caseId;

	@NotAudited
	private UUID personId;

	@NotAudited
	private String purpose;

	@NotAudited
	private String policyVersion;

	@Enumerated(EnumType.STRING)
	@NotAudited
	private Channel channel;

	@NotAudited
	private String requestId;

	/**
	 * The caller's own {@code X-Request-Id}, kept for correlation only: not unique, not
	 * ours.
	 */
	@NotAudited
	private String correlationId;

	protected DisclosureEvent() {
	}

	DisclosureEvent(Instant occurredAt, String actor, String actorOrganisation, UUID caseId, UUID personId,
			String purpose, String policyVersion, Channel channel, String requestId, String correlationId) {
		this.id = timeOrderedId();
		// to the database's precision, so the items' copy of it is the very same value
		this.occurredAt = occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		this.actor = actor;
		this.actorOrganisation = actorOrganisation;
		this.caseId = caseId;
		this.personId = personId;
		this.purpose = purpose;
		this.policyVersion = policyVersion;
		this.channel = channel;
		this.requestId = requestId;
		this.correlationId = correlationId;
	}

	/**
	 * A version 7 UUID: its leading bits are the time, so consecutive rows land next to
	 * each other in the primary key's index instead of on a random page of a
	 * ten-million-row tree.
	 */
	static UUID timeOrderedId() {
		return UuidVersion7Strategy.INSTANCE.generateUuid(null);
	}

	public UUID id() {
		return this.id;
	}

	Instant occurredAt() {
		return this.occurredAt;
	}

}
