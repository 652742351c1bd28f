package nl.schakel.casefile;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import nl.schakel.crypto.FieldBinding;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * Who referred the person, whom to invite, whether the person knows; the free text
 * (reason, goal, why the person was not informed) only as ciphertext, read through the
 * gate with the case header.
 */
@Entity
@Table(name = "referral")
@Audited
class Referral {

	static final String TABLE = "referral";

	static final String DETAILS_COLUMN = "details_ciphertext";

	@Id
	private UUID caseId;

	private String referringOrganisation;

	private String referringProfessional;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] invitedPartners;

	private boolean personInformed;

	/**
	 * The coordinator confirmed that the person known under the BSN with other details is
	 * this one.
	 */
	private boolean samePersonConfirmed;

	@Column(name = DETAILS_COLUMN)
	private byte[] detailsCiphertext;

	@Version
	private long version;

	protected Referral() {
	}

	Referral(UUID caseId, String referringOrganisation, String referringProfessional, List<String> invitedPartners,
			boolean personInformed) {
		this.caseId = caseId;
		this.referringOrganisation = referringOrganisation;
		this.referringProfessional = referringProfessional;
		this.invitedPartners = invitedPartners.toArray(String[]::new);
		this.personInformed = personInformed;
	}

	static FieldBinding binding(UUID caseId) {
		return new FieldBinding(TABLE, DETAILS_COLUMN, caseId, caseId);
	}

	void confirmSamePerson() {
		this.samePersonConfirmed = true;
	}

	boolean samePersonConfirmed() {
		return this.samePersonConfirmed;
	}

	void seal(byte[] ciphertext) {
		this.detailsCiphertext = ciphertext;
	}

	byte[] detailsCiphertext() {
		return this.detailsCiphertext;
	}

	ReferralFacts facts() {
		return new ReferralFacts(this.referringOrganisation, this.referringProfessional, List.of(this.invitedPartners),
				this.personInformed);
	}

}
