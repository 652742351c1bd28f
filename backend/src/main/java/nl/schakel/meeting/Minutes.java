package nl.schakel.meeting;

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
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.SealedContent;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * The minutes of one case at one meeting: what was shared and agreed, its text only ever
 * as ciphertext, with a data category, legal basis and audience like a contribution.
 */
@Entity
@Table(name = "minutes")
@Audited
class Minutes {

	static final String TABLE = "minutes";

	static final String CONTENT_COLUMN = "content_ciphertext";

	@Id
	private UUID id;

	private UUID meetingId;

	private UUID caseId;

	private String author;

	private String authorOrganisation;

	@Enumerated(EnumType.STRING)
	private DataCategory category;

	@Enumerated(EnumType.STRING)
	private LegalBasis legalBasis;

	private String statutoryReference;

	private boolean everyParticipant;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] audienceOrganisations;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] audienceDomains;

	@Column(name = CONTENT_COLUMN)
	private byte[] contentCiphertext;

	private Instant createdAt;

	@Version
	private long version;

	protected Minutes() {
	}

	Minutes(UUID meetingId, UUID caseId, String author, String authorOrganisation, DataCategory category,
			LegalBasis legalBasis, String statutoryReference, boolean everyParticipant,
			List<String> audienceOrganisations, List<String> audienceDomains, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.meetingId = meetingId;
		this.caseId = caseId;
		this.author = author;
		this.authorOrganisation = authorOrganisation;
		this.category = category;
		this.legalBasis = legalBasis;
		this.statutoryReference = statutoryReference;
		this.everyParticipant = everyParticipant;
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

	DisclosableItem toItem() {
		Audience audience = this.everyParticipant ? Audience.everyParticipant()
				: Audience.of(Set.of(this.audienceOrganisations), Set.of(this.audienceDomains));
		return new DisclosableItem(ItemKind.MINUTES, this.id, this.category, this.legalBasis, null,
				this.authorOrganisation, audience, this.createdAt,
				SealedContent.of(this.contentCiphertext, contentBinding()));
	}

	UUID id() {
		return this.id;
	}

	UUID meetingId() {
		return this.meetingId;
	}

	UUID caseId() {
		return this.caseId;
	}

	String authorOrganisation() {
		return this.authorOrganisation;
	}

	DataCategory category() {
		return this.category;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
