package nl.schakel.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * One consent a person gave to the organisation that holds information on one case: it
 * opens that organisation's contributions in that case to the named recipients, for the
 * named categories and purposes, until a date or withdrawal.
 */
@Entity
@Table(name = "consent")
@Audited
class Consent {

	@Id
	private UUID id;

	private UUID personId;

	private UUID caseId;

	/**
	 * The holder: the organisation that obtained the consent and whose information it
	 * opens.
	 */
	private String organisation;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] organisations;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] domains;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] categories;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] purposes;

	private LocalDate validFrom;

	private LocalDate validUntil;

	private String evidence;

	@Enumerated(EnumType.STRING)
	private EvidenceKind evidenceKind;

	private LocalDate evidenceObtainedOn;

	private String evidenceObtainedBy;

	private String recordedBy;

	private Instant recordedAt;

	private LocalDate withdrawnOn;

	private String withdrawnBy;

	private String withdrawnByOrganisation;

	private String withdrawalReason;

	private Instant withdrawalRecordedAt;

	@Version
	private long version;

	protected Consent() {
	}

	Consent(NewConsent recorded, Instant recordedAt) {
		ConsentScope scope = recorded.scope();
		ConsentEvidence evidence = recorded.evidence();
		this.id = UUID.randomUUID();
		this.personId = recorded.personId();
		this.caseId = recorded.caseId();
		this.organisation = recorded.holder();
		this.organisations = scope.organisations().toArray(String[]::new);
		this.domains = scope.domains().toArray(String[]::new);
		this.categories = scope.categories().toArray(String[]::new);
		this.purposes = scope.purposes().toArray(String[]::new);
		this.validFrom = scope.validFrom();
		this.validUntil = scope.validUntil();
		this.evidence = evidence.description();
		this.evidenceKind = evidence.kind();
		this.evidenceObtainedOn = evidence.obtainedOn();
		this.evidenceObtainedBy = evidence.obtainedBy();
		this.recordedBy = recorded.recordedBy();
		this.recordedAt = recordedAt;
	}

	/**
	 * The holder withdraws it; the coordinator steering the case may record the person's
	 * withdrawal.
	 */
	boolean mayBeWithdrawnBy(Withdrawer withdrawer) {
		return withdrawer.organisation().equals(this.organisation) || withdrawer.steersCase();
	}

	/**
	 * Withdrawal takes effect on the given day: from then on the consent covers nobody.
	 * An earlier withdrawal date stands.
	 */
	void withdraw(LocalDate on, Withdrawer by, String reason, Instant at) {
		if (this.withdrawnOn == null || on.isBefore(this.withdrawnOn)) {
			this.withdrawnOn = on;
			this.withdrawnBy = by.username();
			this.withdrawnByOrganisation = by.organisation();
			this.withdrawalReason = reason;
			this.withdrawalRecordedAt = at;
		}
	}

	/**
	 * Whether this consent opens an item of its holder in its case to the reader today.
	 * It never opens another organisation's items, nor items of another case, nor
	 * anything to the holder itself (which needs no consent for its own information).
	 */
	boolean covers(UUID itemCaseId, String itemHolder, String reader, String readerDomain, String category,
			String purpose, LocalDate today) {
		if (this.caseId == null || this.organisation == null || !this.caseId.equals(itemCaseId)
				|| !this.organisation.equals(itemHolder) || this.organisation.equals(reader)) {
			return false;
		}
		boolean recipient = Arrays.asList(this.organisations).contains(reader)
				|| (readerDomain != null && Arrays.asList(this.domains).contains(readerDomain));
		return inForce(today) && recipient && Arrays.asList(this.categories).contains(category)
				&& Arrays.asList(this.purposes).contains(purpose);
	}

	private boolean inForce(LocalDate today) {
		return !today.isBefore(this.validFrom) && (this.validUntil == null || !today.isAfter(this.validUntil))
				&& (this.withdrawnOn == null || today.isBefore(this.withdrawnOn));
	}

	UUID id() {
		return this.id;
	}

	UUID caseId() {
		return this.caseId;
	}

	String holder() {
		return this.organisation;
	}

	LocalDate validFrom() {
		return this.validFrom;
	}

	ConsentView view(LocalDate today) {
		ConsentView.Withdrawal withdrawal = (this.withdrawnOn != null)
				? new ConsentView.Withdrawal(this.withdrawnOn, this.withdrawnBy, this.withdrawnByOrganisation,
						this.withdrawalReason, this.withdrawalRecordedAt,
						this.withdrawnByOrganisation != null && !this.withdrawnByOrganisation.equals(this.organisation))
				: null;
		return new ConsentView(this.id, this.personId,
				new ConsentScope(List.of(this.organisations), List.of(this.domains), List.of(this.categories),
						List.of(this.purposes), this.validFrom, this.validUntil),
				this.evidence, this.recordedBy, this.recordedAt, this.withdrawnOn, inForce(today), this.caseId,
				this.organisation,
				new ConsentEvidence(this.evidenceKind, this.evidence, this.evidenceObtainedOn, this.evidenceObtainedBy),
				withdrawal);
	}

}
