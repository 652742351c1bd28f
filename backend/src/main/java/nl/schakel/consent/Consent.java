package nl.schakel.consent;

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

/** One consent a person gave, for whom, for what and until when. */
@Entity
@Table(name = "consent")
@Audited
class Consent {

	@Id
	private UUID id;

	private UUID personId;

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

	private String recordedBy;

	private Instant recordedAt;

	private LocalDate withdrawnOn;

	private String withdrawnBy;

	@Version
	private long version;

	protected Consent() {
	}

	Consent(UUID personId, ConsentScope scope, String evidence, String recordedBy, Instant recordedAt) {
		this.id = UUID.randomUUID();
		this.personId = personId;
		this.organisations = scope.organisations().toArray(String[]::new);
		this.domains = scope.domains().toArray(String[]::new);
		this.categories = scope.categories().toArray(String[]::new);
		this.purposes = scope.purposes().toArray(String[]::new);
		this.validFrom = scope.validFrom();
		this.validUntil = scope.validUntil();
		this.evidence = evidence;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	/** Withdrawal takes effect on the given day: from then on the consent covers nobody. */
	void withdraw(LocalDate on, String by) {
		if (this.withdrawnOn == null || on.isBefore(this.withdrawnOn)) {
			this.withdrawnOn = on;
			this.withdrawnBy = by;
		}
	}

	boolean covers(String organisation, String domain, String category, String purpose, LocalDate today) {
		boolean inForce = !today.isBefore(this.validFrom) && (this.validUntil == null || !today.isAfter(this.validUntil))
				&& (this.withdrawnOn == null || today.isBefore(this.withdrawnOn));
		boolean recipient = Arrays.asList(this.organisations).contains(organisation)
				|| (domain != null && Arrays.asList(this.domains).contains(domain));
		return inForce && recipient && Arrays.asList(this.categories).contains(category)
				&& Arrays.asList(this.purposes).contains(purpose);
	}

	UUID id() {
		return this.id;
	}

	UUID personId() {
		return this.personId;
	}

	ConsentView view(LocalDate today) {
		boolean inForce = !today.isBefore(this.validFrom) && (this.validUntil == null || !today.isAfter(this.validUntil))
				&& (this.withdrawnOn == null || today.isBefore(this.withdrawnOn));
		return new ConsentView(this.id, this.personId,
				new ConsentScope(List.of(this.organisations), List.of(this.domains), List.of(this.categories),
						List.of(this.purposes), this.validFrom, this.validUntil),
				this.evidence, this.recordedBy, this.recordedAt, this.withdrawnOn, inForce);
	}

}
