package nl.schakel.contribution;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;

/**
 * A contribution as a professional submits it, from the form or as the API body. Field
 * checks here; the rules that span fields (what each legal basis needs) in
 * {@link ContributionService}.
 */
public class ContributionRequest {

	@NotBlank(message = "{contribution.text.required}")
	@Size(max = 20000, message = "{contribution.text.size}")
	private String text;

	@NotNull(message = "{contribution.category.required}")
	private DataCategory category;

	@NotNull(message = "{contribution.legalBasis.required}")
	private LegalBasis legalBasis;

	private UUID consentId;

	@Size(max = 200, message = "{contribution.statutoryReference.size}")
	private String statutoryReference;

	@Valid
	private ConflictOfDuties conflictOfDuties = new ConflictOfDuties();

	private List<String> audienceOrganisations = new ArrayList<>();

	private List<String> audienceDomains = new ArrayList<>();

	private boolean secrecyBreachConfirmed;

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public DataCategory getCategory() {
		return this.category;
	}

	public void setCategory(DataCategory category) {
		this.category = category;
	}

	public LegalBasis getLegalBasis() {
		return this.legalBasis;
	}

	public void setLegalBasis(LegalBasis legalBasis) {
		this.legalBasis = legalBasis;
	}

	public UUID getConsentId() {
		return this.consentId;
	}

	public void setConsentId(UUID consentId) {
		this.consentId = consentId;
	}

	public String getStatutoryReference() {
		return this.statutoryReference;
	}

	public void setStatutoryReference(String statutoryReference) {
		this.statutoryReference = statutoryReference;
	}

	public ConflictOfDuties getConflictOfDuties() {
		return this.conflictOfDuties;
	}

	public void setConflictOfDuties(ConflictOfDuties conflictOfDuties) {
		this.conflictOfDuties = conflictOfDuties;
	}

	public List<String> getAudienceOrganisations() {
		return this.audienceOrganisations;
	}

	public void setAudienceOrganisations(List<String> audienceOrganisations) {
		this.audienceOrganisations = audienceOrganisations;
	}

	public List<String> getAudienceDomains() {
		return this.audienceDomains;
	}

	public void setAudienceDomains(List<String> audienceDomains) {
		this.audienceDomains = audienceDomains;
	}

	public boolean isSecrecyBreachConfirmed() {
		return this.secrecyBreachConfirmed;
	}

	public void setSecrecyBreachConfirmed(boolean secrecyBreachConfirmed) {
		this.secrecyBreachConfirmed = secrecyBreachConfirmed;
	}

	@Override
	public String toString() {
		// the text is the most sensitive thing Schakel holds: never in a log line
		return "ContributionRequest[category=" + this.category + ", legalBasis=" + this.legalBasis + "]";
	}

	/** The five answers of a conflict-of-duties judgement. */
	public static class ConflictOfDuties {

		@Size(max = 2000, message = "{contribution.cod.size}")
		private String interest;

		@Size(max = 2000, message = "{contribution.cod.size}")
		private String whyNoConsent;

		@Size(max = 2000, message = "{contribution.cod.size}")
		private String noOtherWay;

		@Size(max = 2000, message = "{contribution.cod.size}")
		private String seriousHarm;

		@Size(max = 2000, message = "{contribution.cod.size}")
		private String strictlyNeeded;

		public String getInterest() {
			return this.interest;
		}

		public void setInterest(String interest) {
			this.interest = interest;
		}

		public String getWhyNoConsent() {
			return this.whyNoConsent;
		}

		public void setWhyNoConsent(String whyNoConsent) {
			this.whyNoConsent = whyNoConsent;
		}

		public String getNoOtherWay() {
			return this.noOtherWay;
		}

		public void setNoOtherWay(String noOtherWay) {
			this.noOtherWay = noOtherWay;
		}

		public String getSeriousHarm() {
			return this.seriousHarm;
		}

		public void setSeriousHarm(String seriousHarm) {
			this.seriousHarm = seriousHarm;
		}

		public String getStrictlyNeeded() {
			return this.strictlyNeeded;
		}

		public void setStrictlyNeeded(String strictlyNeeded) {
			this.strictlyNeeded = strictlyNeeded;
		}

		@Override
		public String toString() {
			return "ConflictOfDuties[...]";
		}

	}

}
