package nl.schakel.contribution;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import nl.schakel.crypto.FieldBinding;
import nl.schakel.disclosure.Audience;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.Grant;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.SealedContent;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/** One information item from one professional; its text only ever as ciphertext. */
@Entity
@Table(name = "contribution")
@Audited
class Contribution {

	static final String TABLE = "contribution";

	static final String CONTENT_COLUMN = "content_ciphertext";

	@Id
	private UUID id;

	private UUID caseId;

	private String author;

	private String authorOrganisation;

	@Enumerated(EnumType.STRING)
	private DataCategory category;

	@Enumerated(EnumType.STRING)
	private LegalBasis legalBasis;

	private UUID consentId;

	private String statutoryReference;

	private String codInterest;

	private String codWhyNoConsent;

	private String codNoOtherWay;

	private String codSeriousHarm;

	private String codStrictlyNeeded;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] audienceOrganisations;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] audienceDomains;

	@Column(name = CONTENT_COLUMN)
	private byte[] contentCiphertext;

	private Instant createdAt;

	@Version
	private long version;

	protected Contribution() {
	}

	Contribution(UUID caseId, String author, String authorOrganisation, DataCategory category, LegalBasis legalBasis,
			UUID consentId, String statutoryReference, ConflictOfDutiesJustification justification,
			List<String> audienceOrganisations, List<String> audienceDomains, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.caseId = caseId;
		this.author = author;
		this.authorOrganisation = authorOrganisation;
		this.category = category;
		this.legalBasis = legalBasis;
		this.consentId = consentId;
		this.statutoryReference = statutoryReference;
		if (justification != null) {
			this.codInterest = justification.interest();
			this.codWhyNoConsent = justification.whyNoConsent();
			this.codNoOtherWay = justification.noOtherWay();
			this.codSeriousHarm = justification.seriousHarm();
			this.codStrictlyNeeded = justification.strictlyNeeded();
		}
		this.audienceOrganisations = audienceOrganisations.toArray(String[]::new);
		this.audienceDomains = audienceDomains.toArray(String[]::new);
		this.createdAt = createdAt;
	}

	FieldBinding contentBinding() {
		return new FieldBinding(TABLE, CONTENT_COLUMN, this.id, this.caseId);
	}

	void seal(byte[] ciphertext) {
		this.contentCiphertext = ciphertext;
	}

	UUID id() {
		return this.id;
	}

	String author() {
		return this.author;
	}

	String authorOrganisation() {
		return this.authorOrganisation;
	}

	DataCategory category() {
		return this.category;
	}

	LegalBasis legalBasis() {
		return this.legalBasis;
	}

	String statutoryReference() {
		return this.statutoryReference;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	List<String> audienceOrganisations() {
		return List.of(this.audienceOrganisations);
	}

	List<String> audienceDomains() {
		return List.of(this.audienceDomains);
	}

	/** What the gate needs to decide on this item, with the content still sealed. */
	DisclosableItem toItem(List<Grant> grants) {
		return new DisclosableItem(ItemKind.CONTRIBUTION, this.id, this.category, this.legalBasis, this.consentId,
				this.authorOrganisation, Audience.of(Set.of(this.audienceOrganisations), Set.of(this.audienceDomains)),
				this.createdAt, SealedContent.of(this.contentCiphertext, contentBinding()), grants);
	}

	UUID caseId() {
		return this.caseId;
	}

}
