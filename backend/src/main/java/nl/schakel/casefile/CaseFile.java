package nl.schakel.casefile;

import java.time.LocalDate;
import java.time.Year;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/**
 * A case: refers to its person and organisation by id only, so each aggregate stays in its
 * own feature.
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

	void moveTo(CaseStatus target, LocalDate today) {
		if (!this.status.canMoveTo(target)) {
			throw new StatusTransitionNotAllowed(this.status, target);
		}
		this.status = target;
		this.closedOn = (target == CaseStatus.CLOSED) ? today : null;
	}

	/** Records the triage decision and moves the case on: into consultation, or closed. */
	void decideTriage(TriageOutcome outcome, String reason, LocalDate today) {
		if (this.status != CaseStatus.TRIAGE) {
			throw new StatusTransitionNotAllowed(this.status,
					(outcome == TriageOutcome.ACCEPTED) ? CaseStatus.IN_CONSULTATION : CaseStatus.CLOSED);
		}
		moveTo((outcome == TriageOutcome.ACCEPTED) ? CaseStatus.IN_CONSULTATION : CaseStatus.CLOSED, today);
		this.triageOutcome = outcome;
		this.triageReason = reason;
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

	/** Whether this case is steered by that safety house: its coordinators' cases and no other's. */
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
