package nl.schakel.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.schakel.crypto.FieldBinding;
import nl.schakel.disclosure.Audience;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.SealedContent;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import org.hibernate.envers.Audited;

/**
 * A barrier met in an intervention (distrust, stigma, ...): its kind in the clear, the
 * response chosen sealed.
 */
@Entity
@Table(name = "intervention_barrier")
@Audited
class InterventionBarrier {

	static final String TABLE = "intervention_barrier";

	static final String RESPONSE_COLUMN = "response_ciphertext";

	@Id
	private UUID id;

	private UUID caseInterventionId;

	private UUID caseId;

	private String kind;

	private LocalDate occurredOn;

	private String organisation;

	private String recordedBy;

	@Column(name = RESPONSE_COLUMN)
	private byte[] responseCiphertext;

	private Instant createdAt;

	protected InterventionBarrier() {
	}

	InterventionBarrier(UUID caseInterventionId, UUID caseId, String kind, LocalDate occurredOn, String organisation,
			String recordedBy, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.caseInterventionId = caseInterventionId;
		this.caseId = caseId;
		this.kind = kind;
		this.occurredOn = occurredOn;
		this.organisation = organisation;
		this.recordedBy = recordedBy;
		this.createdAt = createdAt;
	}

	FieldBinding responseBinding() {
		return new FieldBinding(TABLE, RESPONSE_COLUMN, this.id, this.caseId);
	}

	void seal(byte[] response) {
		this.responseCiphertext = response;
	}

	DisclosableItem toItem() {
		return new DisclosableItem(ItemKind.INTERVENTION, this.id, DataCategory.SOCIAL, LegalBasis.PUBLIC_TASK, null,
				this.organisation, Audience.everyParticipant(), this.createdAt,
				SealedContent.of(this.responseCiphertext, responseBinding()));
	}

	UUID id() {
		return this.id;
	}

	UUID caseInterventionId() {
		return this.caseInterventionId;
	}

	String kind() {
		return this.kind;
	}

	LocalDate occurredOn() {
		return this.occurredOn;
	}

	String organisation() {
		return this.organisation;
	}

}
