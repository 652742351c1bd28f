package nl.schakel.participation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

/**
 * Emergency access (noodtoegang) to one case for one person, with a written reason, until
 * it expires by itself. Never extended: a new need is a new, separately reviewed opening.
 */
@Entity
@Table(name = "break_glass")
@Audited
class BreakGlassAccess {

	@Id
	private UUID id;

	private UUID caseId;

	private String actor;

	private String organisation;

	private String reason;

	private Instant openedAt;

	private Instant expiresAt;

	protected BreakGlassAccess() {
	}

	BreakGlassAccess(UUID caseId, String actor, String organisation, String reason, Instant openedAt,
			Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.caseId = caseId;
		this.actor = actor;
		this.organisation = organisation;
		this.reason = reason;
		// stored as PostgreSQL stores them, so the time box read back is the one checked
		// now
		this.openedAt = openedAt.truncatedTo(ChronoUnit.MICROS);
		this.expiresAt = expiresAt.truncatedTo(ChronoUnit.MICROS);
	}

	boolean activeAt(Instant moment) {
		return !moment.isBefore(this.openedAt) && moment.isBefore(this.expiresAt);
	}

	BreakGlassView view() {
		return new BreakGlassView(this.id, this.caseId, this.actor, this.reason, this.openedAt, this.expiresAt);
	}

}
