package nl.schakel.contribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import nl.schakel.disclosure.Grant;
import nl.schakel.policy.LegalBasis;
import org.hibernate.envers.Audited;

/**
 * A participant's request to see an item they only know exists; its author grants it on a
 * legal basis (to the requester or their whole organisation) or refuses with a reason.
 */
@Entity
@Table(name = "disclosure_request")
@Audited
class DisclosureRequest {

	enum State {

		OPEN, GRANTED, REFUSED

	}

	@Id
	private UUID id;

	private UUID caseId;

	private UUID contributionId;

	private String requester;

	private String requesterOrganisation;

	private String purpose;

	private String reason;

	private Instant requestedAt;

	/**
	 * The last day the holder should answer on; null for requests made before deadlines
	 * existed.
	 */
	private LocalDate due;

	@Enumerated(EnumType.STRING)
	private State state;

	private String decidedBy;

	private Instant decidedAt;

	@Enumerated(EnumType.STRING)
	private LegalBasis grantedBasis;

	private Boolean grantedToOrganisation;

	private UUID consentId;

	private String statutoryReference;

	private String codInterest;

	private String codWhyNoConsent;

	private String codNoOtherWay;

	private String codSeriousHarm;

	private String codStrictlyNeeded;

	private String refusalReason;

	@Version
	private long version;

	protected DisclosureRequest() {
	}

	DisclosureRequest(UUID caseId, UUID contributionId, String requester, String requesterOrganisation, String purpose,
			String reason, Instant requestedAt, LocalDate due) {
		this.id = UUID.randomUUID();
		this.caseId = caseId;
		this.contributionId = contributionId;
		this.requester = requester;
		this.requesterOrganisation = requesterOrganisation;
		this.purpose = purpose;
		this.reason = reason;
		this.requestedAt = requestedAt;
		this.due = due;
		this.state = State.OPEN;
	}

	void grant(String by, Instant at, LegalBasis basis, boolean toOrganisation, UUID consentId,
			String statutoryReference, ConflictOfDutiesJustification justification) {
		requireOpen();
		this.state = State.GRANTED;
		this.decidedBy = by;
		this.decidedAt = at;
		this.grantedBasis = basis;
		this.grantedToOrganisation = toOrganisation;
		this.consentId = (basis == LegalBasis.CONSENT) ? consentId : null;
		this.statutoryReference = (basis == LegalBasis.STATUTORY) ? statutoryReference : null;
		if (basis == LegalBasis.CONFLICT_OF_DUTIES && justification != null) {
			this.codInterest = justification.interest();
			this.codWhyNoConsent = justification.whyNoConsent();
			this.codNoOtherWay = justification.noOtherWay();
			this.codSeriousHarm = justification.seriousHarm();
			this.codStrictlyNeeded = justification.strictlyNeeded();
		}
	}

	void refuse(String by, Instant at, String reason) {
		requireOpen();
		this.state = State.REFUSED;
		this.decidedBy = by;
		this.decidedAt = at;
		this.refusalReason = reason;
	}

	private void requireOpen() {
		if (this.state != State.OPEN) {
			throw new RequestAlreadyDecided();
		}
	}

	Grant grant() {
		return new Grant(this.requesterOrganisation,
				Boolean.TRUE.equals(this.grantedToOrganisation) ? null : this.requester, this.grantedBasis,
				this.consentId, this.purpose);
	}

	String purpose() {
		return this.purpose;
	}

	String requesterOrganisation() {
		return this.requesterOrganisation;
	}

	UUID id() {
		return this.id;
	}

	UUID caseId() {
		return this.caseId;
	}

	UUID contributionId() {
		return this.contributionId;
	}

	String requester() {
		return this.requester;
	}

	State state() {
		return this.state;
	}

	LocalDate due() {
		return this.due;
	}

	String decidedBy() {
		return this.decidedBy;
	}

	DisclosureRequestView view(Contribution item) {
		return new DisclosureRequestView(this.id, this.caseId, this.contributionId, this.requester,
				this.requesterOrganisation, (item != null) ? item.author() : null, this.purpose, this.reason,
				this.requestedAt, this.state.name(), this.decidedBy, this.decidedAt,
				(this.grantedBasis != null) ? this.grantedBasis.name() : null, this.grantedToOrganisation,
				this.refusalReason, (item != null) ? item.category().name() : null, this.due, null);
	}

}
