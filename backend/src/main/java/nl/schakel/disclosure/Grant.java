package nl.schakel.disclosure;

import java.util.Objects;
import java.util.UUID;

import nl.schakel.policy.LegalBasis;

/**
 * An item's author allowed it to be shown to one requester (or their whole organisation)
 * on a named legal basis, answering a disclosure request. The gate treats the reader as
 * in the audience on that basis, and the policy still decides.
 *
 * @param organisation the organisation code it was granted to
 * @param username the requester it was granted to, or {@code null} for the whole
 * organisation
 * @param basis the legal basis of the grant
 * @param consentId the consent relied on, for {@link LegalBasis#CONSENT}
 * @param purpose the purpose of the request it answers: the grant opens the item for that
 * purpose only
 */
public record Grant(String organisation, String username, LegalBasis basis, UUID consentId, String purpose) {

	public Grant {
		Objects.requireNonNull(organisation, "organisation");
		Objects.requireNonNull(basis, "basis");
		Objects.requireNonNull(purpose, "purpose");
	}

	boolean covers(String readerOrganisation, String readerUsername, String readerPurpose) {
		return this.organisation.equals(readerOrganisation)
				&& (this.username == null || this.username.equals(readerUsername))
				&& this.purpose.equals(readerPurpose);
	}

}
