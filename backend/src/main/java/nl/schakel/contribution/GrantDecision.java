package nl.schakel.contribution;

import java.util.UUID;

import nl.schakel.policy.LegalBasis;

/**
 * The author's grant of a disclosure request: the legal basis (with what it needs) and
 * whether it extends to the requester's whole organisation. Health information on a
 * conflict of duties also needs the care professional's confirmation that they break
 * their secrecy knowingly, as when contributing it.
 */
public record GrantDecision(LegalBasis basis, boolean toOrganisation, UUID consentId, String statutoryReference,
		ContributionRequest.ConflictOfDuties conflictOfDuties, boolean secrecyBreachConfirmed) {
}
