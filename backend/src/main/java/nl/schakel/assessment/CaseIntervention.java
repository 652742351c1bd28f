package nl.schakel.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import nl.schakel.crypto.FieldBinding;
import nl.schakel.disclosure.Audience;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.SealedContent;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * An intervention chosen for a case. Which one, who delivers it, when it started and how
 * it ended stay in the clear for follow-up and evaluation; its parts, the community
 * persons involved and the outcome note are sealed.
 */
@Entity
@Table(name = "case_intervention")
@Audited
class CaseIntervention {

	static final String TABLE = "case_intervention";

	static final String DETAILS_COLUMN = "details_ciphertext";

	static final String OUTCOME_COLUMN = "outcome_ciphertext";

	enum Result {

		COMPLETED, STOPPED_EARLY

	}

	@Id
	private UUID id;

	private UUID caseId;

	private String interventionCode;

	private String catalogueVersion;

	private String chosenBy;

	private String organisation;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] deliveringOrganisations;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] addressedDomains;

	private LocalDate startedOn;

	private int expectedWeeks;

	@Column(name = DETAILS_COLUMN)
	private byte[] detailsCiphertext;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Result outcome;

	private LocalDate endedOn;

	@Column(name = OUTCOME_COLUMN)
	private byte[] outcomeCiphertext;

	private Instant createdAt;

	@Version
	private long version;

	protected CaseIntervention() {
	}

	CaseIntervention(UUID caseId, String interventionCode, String catalogueVersion, String chosenBy,
			String organisation, List<String> deliveringOrganisations, List<String> addressedDomains,
			LocalDate startedOn, int expectedWeeks, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.caseId = caseId;
		this.interventionCode = interventionCode;
		this.catalogueVersion = catalogueVersion;
		this.chosenBy = chosenBy;
		this.organisation = organisation;
		this.deliveringOrganisations = deliveringOrganisations.toArray(String[]::new);
		this.addressedDomains = addressedDomains.toArray(String[]::new);
		this.startedOn = startedOn;
		this.expectedWeeks = expectedWeeks;
		this.createdAt = createdAt;
	}

	FieldBinding detailsBinding() {
		return new FieldBinding(TABLE, DETAILS_COLUMN, this.id, this.caseId);
	}

	FieldBinding outcomeBinding() {
		return new FieldBinding(TABLE, OUTCOME_COLUMN, this.id, this.caseId);
	}

	void seal(byte[] details) {
		this.detailsCiphertext = details;
	}

	boolean ended() {
		return this.outcome != null;
	}

	void end(Result result, LocalDate on, byte[] sealedNote) {
		this.outcome = result;
		this.endedOn = on;
		this.outcomeCiphertext = sealedNote;
	}

	/**
	 * The items the gate decides on: the details, and the outcome note once there is one.
	 * Both are about the person's social situation, meant for every participant, on the
	 * safety house's task.
	 */
	List<DisclosableItem> toItems() {
		List<DisclosableItem> items = new ArrayList<>();
		items.add(new DisclosableItem(ItemKind.INTERVENTION, this.id, DataCategory.SOCIAL, LegalBasis.PUBLIC_TASK, null,
				this.organisation, Audience.everyParticipant(), this.createdAt,
				SealedContent.of(this.detailsCiphertext, detailsBinding())));
		if (this.outcomeCiphertext != null) {
			items.add(new DisclosableItem(ItemKind.INTERVENTION, this.id, DataCategory.SOCIAL, LegalBasis.PUBLIC_TASK,
					null, this.organisation, Audience.everyParticipant(), this.createdAt,
					SealedContent.of(this.outcomeCiphertext, outcomeBinding())));
		}
		return items;
	}

	UUID id() {
		return this.id;
	}

	UUID caseId() {
		return this.caseId;
	}

	String interventionCode() {
		return this.interventionCode;
	}

	String organisation() {
		return this.organisation;
	}

	List<String> deliveringOrganisations() {
		return List.of(this.deliveringOrganisations);
	}

	Set<String> addressedDomains() {
		return Set.of(this.addressedDomains);
	}

	List<String> addressedDomainList() {
		return List.of(this.addressedDomains);
	}

	LocalDate startedOn() {
		return this.startedOn;
	}

	int expectedWeeks() {
		return this.expectedWeeks;
	}

	Result outcome() {
		return this.outcome;
	}

	LocalDate endedOn() {
		return this.endedOn;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
