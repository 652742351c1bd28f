package nl.schakel.assessment;

import java.time.Instant;
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
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.SealedContent;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import org.hibernate.envers.Audited;

/**
 * One organisation's ratings of one domain at one assessment moment (or the coordinator's
 * integrated judgement): the scores, justifications and judgement only ever as
 * ciphertext, filed under the domain's data category.
 */
@Entity
@Table(name = "assessment_rating")
@Audited
class AssessmentRating {

	static final String TABLE = "assessment_rating";

	static final String CONTENT_COLUMN = "content_ciphertext";

	/** The pseudo-domain under which the coordinator's integrated judgement is filed. */
	static final String INTEGRATED_JUDGEMENT = "integrated-judgement";

	@Id
	private UUID id;

	private UUID caseId;

	private String moment;

	private String domain;

	@Enumerated(EnumType.STRING)
	private DataCategory category;

	private String organisation;

	private String author;

	@Enumerated(EnumType.STRING)
	private LegalBasis legalBasis;

	private UUID consentId;

	private String statutoryReference;

	private String instrumentVersion;

	@Column(name = CONTENT_COLUMN)
	private byte[] contentCiphertext;

	private Instant createdAt;

	@Version
	private long version;

	protected AssessmentRating() {
	}

	AssessmentRating(UUID caseId, String moment, String domain, DataCategory category, String organisation,
			String author, LegalBasis legalBasis, UUID consentId, String statutoryReference, String instrumentVersion,
			Instant createdAt) {
		this.id = UUID.randomUUID();
		this.caseId = caseId;
		this.moment = moment;
		this.domain = domain;
		this.category = category;
		this.organisation = organisation;
		this.author = author;
		this.legalBasis = legalBasis;
		this.consentId = consentId;
		this.statutoryReference = statutoryReference;
		this.instrumentVersion = instrumentVersion;
		this.createdAt = createdAt;
	}

	FieldBinding contentBinding() {
		return new FieldBinding(TABLE, CONTENT_COLUMN, this.id, this.caseId);
	}

	void seal(byte[] ciphertext) {
		this.contentCiphertext = ciphertext;
	}

	/**
	 * Ratings are made for the joint assessment: meant for every participant; the policy
	 * still decides.
	 */
	DisclosableItem toItem() {
		return new DisclosableItem(ItemKind.ASSESSMENT, this.id, this.category, this.legalBasis, this.consentId,
				this.organisation, Audience.everyParticipant(), this.createdAt,
				SealedContent.of(this.contentCiphertext, contentBinding()));
	}

	UUID id() {
		return this.id;
	}

	UUID caseId() {
		return this.caseId;
	}

	String moment() {
		return this.moment;
	}

	String domain() {
		return this.domain;
	}

	DataCategory category() {
		return this.category;
	}

	String organisation() {
		return this.organisation;
	}

	String author() {
		return this.author;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
