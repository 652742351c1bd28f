package nl.schakel.history;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One Envers revision: a transaction that changed audited data, with the actor,
 * organisation, purpose, request id and policy version it happened under.
 */
@Entity
@Table(name = "revision")
@RevisionEntity(RevisionContextListener.class)
public class Revision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@RevisionNumber
	private long id;

	@RevisionTimestamp
	@Column(name = "revision_time")
	private long timestamp;

	private String actor;

	private String organisation;

	private String purpose;

	private String requestId;

	/** The caller's own {@code X-Request-Id}, for correlation only. */
	private String correlationId;

	private String policyVersion;

	protected Revision() {
	}

	public long id() {
		return this.id;
	}

	public Instant time() {
		return Instant.ofEpochMilli(this.timestamp);
	}

	public String actor() {
		return this.actor;
	}

	public String organisation() {
		return this.organisation;
	}

	public String purpose() {
		return this.purpose;
	}

	public String requestId() {
		return this.requestId;
	}

	public String correlationId() {
		return this.correlationId;
	}

	public String policyVersion() {
		return this.policyVersion;
	}

	void describe(String actor, String organisation, String purpose, String requestId, String correlationId,
			String policyVersion) {
		this.correlationId = correlationId;
		this.actor = actor;
		this.organisation = organisation;
		this.purpose = purpose;
		this.requestId = requestId;
		this.policyVersion = policyVersion;
	}

}
