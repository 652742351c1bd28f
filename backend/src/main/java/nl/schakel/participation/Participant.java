package nl.schakel.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * One admission of an organisation to a case. Named professionals narrow it to those
 * people; no names means every professional of the organisation.
 */
@Entity
@Table(name = "participation")
@Audited
class Participant {

	@Id
	private UUID id;

	private UUID caseId;

	private String organisationCode;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] professionals;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] purposes;

	private LocalDate validUntil;

	private String admittedBy;

	private Instant admittedAt;

	private String removedBy;

	private Instant removedAt;

	/** The case's closure ended this admission (not a removal before it). */
	private boolean endedByClosure;

	@Version
	private long version;

	protected Participant() {
	}

	Participant(UUID caseId, String organisationCode, List<String> professionals, List<String> purposes,
			LocalDate validUntil, String admittedBy, Instant admittedAt) {
		this.id = UUID.randomUUID();
		this.caseId = caseId;
		this.organisationCode = organisationCode;
		this.professionals = professionals.toArray(String[]::new);
		this.purposes = purposes.toArray(String[]::new);
		this.validUntil = validUntil;
		this.admittedBy = admittedBy;
		this.admittedAt = admittedAt;
	}

	/** Admitted for this purpose today, for this professional of this organisation. */
	boolean admits(String organisation, String username, String purpose, LocalDate today) {
		return this.removedAt == null && this.organisationCode.equals(organisation)
				&& (this.validUntil == null || !today.isAfter(this.validUntil))
				&& Arrays.asList(this.purposes).contains(purpose)
				&& (this.professionals.length == 0 || Arrays.asList(this.professionals).contains(username));
	}

	/**
	 * Admitted for this purpose, for this professional of this organisation, until the
	 * case closed on that day: the admission the closure ended, not one removed before
	 * it, and not one whose end date came before the closure.
	 */
	boolean admittedUntilClosure(String organisation, String username, String purpose, LocalDate closedOn) {
		return this.endedByClosure && this.organisationCode.equals(organisation)
				&& (this.validUntil == null || !closedOn.isAfter(this.validUntil))
				&& Arrays.asList(this.purposes).contains(purpose)
				&& (this.professionals.length == 0 || Arrays.asList(this.professionals).contains(username));
	}

	/**
	 * An organisation admitted again: its one admission changes (who, for what, until
	 * when) instead of a second one beside it, so a later removal ends all of its access.
	 */
	void change(List<String> professionals, List<String> purposes, LocalDate validUntil, String by, Instant at) {
		this.professionals = professionals.toArray(String[]::new);
		this.purposes = purposes.toArray(String[]::new);
		this.validUntil = validUntil;
		this.admittedBy = by;
		this.admittedAt = at;
	}

	boolean active() {
		return this.removedAt == null;
	}

	String organisationCode() {
		return this.organisationCode;
	}

	/**
	 * The purposes this admission gives this professional of this organisation today;
	 * none when it gives nothing.
	 */
	List<String> purposesFor(String organisation, String username, LocalDate today) {
		return Arrays.stream(this.purposes)
			.filter((purpose) -> admits(organisation, username, purpose, today))
			.toList();
	}

	void remove(String by, Instant at) {
		if (this.removedAt == null) {
			this.removedBy = by;
			this.removedAt = at;
		}
	}

	/** The case closed: this admission ends with it. */
	void endWithClosure(String by, Instant at) {
		if (this.removedAt == null) {
			remove(by, at);
			this.endedByClosure = true;
		}
	}

	ParticipantView view() {
		return new ParticipantView(this.id, this.organisationCode, List.of(this.professionals), List.of(this.purposes),
				this.validUntil, this.admittedBy, this.admittedAt, this.removedAt);
	}

	UUID caseId() {
		return this.caseId;
	}

}
