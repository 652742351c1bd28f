package nl.schakel.casefile;

import java.time.LocalDate;
import java.time.Year;
import java.util.UUID;

import nl.schakel.ids.CaseId;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/**
 * A case: refers to its person and organisation by id only, so each aggregate stays in
 * its own feature.
 */
@Entity
@Table(name = "case_file")
@Audited
class CaseFile {

	@Id
	private UUID id;

	private String reference;

	private long referenceNumber;

	private UUID personId;

	@Enumerated(EnumType.STRING)
	private CaseType caseType;

	@Enumerated(EnumType.STRING)
	private CaseStatus status;

	private String coordinatorUsername;

	private UUID organisationId;

	private LocalDate openedOn;

	private LocalDate closedOn;

	@Enumerated(EnumType.STRING)
	private TriageOutcome triageOutcome;

	private String triageReason;

	@Enumerated(EnumType.STRING)
	private CloseReason closeReason;

	private String closeText;

	private LocalDate reopenedOn;

	private String reopenReason;

	@Version
	private long version;

	protected CaseFile() {
	}

	CaseFile(long referenceNumber, UUID personId, CaseType caseType, String coordinatorUsername, UUID organisationId,
			LocalDate openedOn) {
		this.id = UUID.randomUUID();
		this.referenceNumber = referenceNumber;
		this.reference = reference(Year.from(openedOn), referenceNumber);
		this.personId = personId;
		this.caseType = caseType;
		this.status = CaseStatus.REFERRED;
		this.coordinatorUsername = coordinatorUsername;
		this.organisationId = organisationId;
		this.openedOn = openedOn;
	}

	static String reference(Year year, long number) {
		return String.format("ZVH-%d-%06d", year.getValue(), number);
	}

	/**
	 * Moves an open case one step on; closing takes a reason, so it is {@link #close}.
	 */
	void moveTo(CaseStatus target, LocalDate today) {
		requireOpenForWrites();
		if (target == CaseStatus.CLOSED) {
			throw new IllegalArgumentException("A case is closed with a reason: close(reason, text, on)");
		}
		if (!this.status.canMoveTo(target)) {
			throw new StatusTransitionNotAllowed(this.status, target);
		}
		this.status = target;
	}

	/**
	 * Closes the case with one of the listed reasons and free text; from then on it takes
	 * no writes.
	 */
	void close(CloseReason reason, String text, LocalDate today) {
		requireOpenForWrites();
		if (!this.status.canMoveTo(CaseStatus.CLOSED)) {
			throw new StatusTransitionNotAllowed(this.status, CaseStatus.CLOSED);
		}
		this.status = CaseStatus.CLOSED;
		this.closedOn = today;
		this.closeReason = reason;
		this.closeText = text;
	}

	/**
	 * Records the triage decision and moves the case on: into consultation, or closed.
	 */
	void decideTriage(TriageOutcome outcome, String reason, LocalDate today) {
		requireOpenForWrites();
		if (this.status != CaseStatus.TRIAGE) {
			throw new StatusTransitionNotAllowed(this.status,
					(outcome == TriageOutcome.ACCEPTED) ? CaseStatus.IN_CONSULTATION : CaseStatus.CLOSED);
		}
		this.status = (outcome == TriageOutcome.ACCEPTED) ? CaseStatus.IN_CONSULTATION : CaseStatus.CLOSED;
		this.closedOn = (this.status == CaseStatus.CLOSED) ? today : null;
		this.triageOutcome = outcome;
		this.triageReason = reason;
	}

	/**
	 * Reopens a closed case, with a reason. A case that triage ended goes back to triage
	 * (the referral is weighed again); a case closed later goes back into consultation,
	 * the stage where partners are admitted again. The closure's facts stay in the case's
	 * history.
	 */
	void reopen(String reason, LocalDate today) {
		if (this.status != CaseStatus.CLOSED) {
			throw new StatusTransitionNotAllowed(this.status, reopensInto());
		}
		this.status = reopensInto();
		if (this.status == CaseStatus.TRIAGE) {
			this.triageOutcome = null;
			this.triageReason = null;
		}
		this.closedOn = null;
		this.closeReason = null;
		this.closeText = null;
		this.reopenedOn = today;
		this.reopenReason = reason;
	}

	/** The status a reopened case goes back to. */
	CaseStatus reopensInto() {
		return endedAtTriage() ? CaseStatus.TRIAGE : CaseStatus.IN_CONSULTATION;
	}

	private boolean endedAtTriage() {
		return this.triageOutcome != null && this.triageOutcome != TriageOutcome.ACCEPTED;
	}

	/**
	 * A closed or declined case takes no contribution, consent, request, admission or
	 * status move.
	 */
	void requireOpenForWrites() {
		if (this.status == CaseStatus.CLOSED) {
			throw new CaseClosed(this.status, this.triageOutcome);
		}
	}

	CloseReason closeReason() {
		return this.closeReason;
	}

	String closeText() {
		return this.closeText;
	}

	LocalDate reopenedOn() {
		return this.reopenedOn;
	}

	String reopenReason() {
		return this.reopenReason;
	}

	TriageOutcome triageOutcome() {
		return this.triageOutcome;
	}

	String triageReason() {
		return this.triageReason;
	}

	CaseId id() {
		return new CaseId(this.id);
	}

	String reference() {
		return this.reference;
	}

	long referenceNumber() {
		return this.referenceNumber;
	}

	UUID personId() {
		return this.personId;
	}

	CaseType caseType() {
		return this.caseType;
	}

	CaseStatus status() {
		return this.status;
	}

	String coordinatorUsername() {
		return this.coordinatorUsername;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	/**
	 * Whether this case is steered by that safety house: its coordinators' cases and no
	 * other's.
	 */
	boolean belongsTo(UUID safetyHouse) {
		return this.organisationId.equals(safetyHouse);
	}

	LocalDate openedOn() {
		return this.openedOn;
	}

	LocalDate closedOn() {
		return this.closedOn;
	}

}
