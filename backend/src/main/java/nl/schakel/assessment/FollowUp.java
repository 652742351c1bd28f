package nl.schakel.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/**
 * One follow-up moment of a case intervention: due some months after it started, for the
 * organisation responsible for it, done when that organisation records a follow-up
 * assessment or the outcome; cancelled, with the reason, when it falls on or after the
 * erasure date of its closed case.
 */
@Entity
@Table(name = "follow_up")
@Audited
class FollowUp {

	@Id
	private UUID id;

	private UUID caseInterventionId;

	private UUID caseId;

	private int monthsAfterStart;

	private LocalDate dueOn;

	private String responsibleOrganisation;

	private Instant doneAt;

	private LocalDate cancelledOn;

	private String cancelReason;

	@Version
	private long version;

	protected FollowUp() {
	}

	FollowUp(UUID caseInterventionId, UUID caseId, int monthsAfterStart, LocalDate startedOn, String responsible) {
		this.id = UUID.randomUUID();
		this.caseInterventionId = caseInterventionId;
		this.caseId = caseId;
		this.monthsAfterStart = monthsAfterStart;
		// plusMonths keeps the day of the month, or the month's last day when it has
		// fewer
		this.dueOn = startedOn.plusMonths(monthsAfterStart);
		this.responsibleOrganisation = responsible;
	}

	void done(Instant at) {
		this.doneAt = at;
	}

	/**
	 * The moment is not kept: it falls after the case's erasure date. Why, in words; no
	 * personal data.
	 */
	void cancel(LocalDate on, String reason) {
		this.cancelledOn = on;
		this.cancelReason = reason;
	}

	UUID id() {
		return this.id;
	}

	UUID caseInterventionId() {
		return this.caseInterventionId;
	}

	UUID caseId() {
		return this.caseId;
	}

	int monthsAfterStart() {
		return this.monthsAfterStart;
	}

	LocalDate dueOn() {
		return this.dueOn;
	}

	String responsibleOrganisation() {
		return this.responsibleOrganisation;
	}

	Instant doneAt() {
		return this.doneAt;
	}

	LocalDate cancelledOn() {
		return this.cancelledOn;
	}

	String cancelReason() {
		return this.cancelReason;
	}

}
