package nl.schakel.contribution;

import java.time.Instant;
import java.util.UUID;

/**
 * A contribution was added to a case; says who added it, never what it says. Published
 * inside the adding transaction.
 *
 * @param caseId the case
 * @param contributionId the new contribution
 * @param authorOrganisation the organisation of its author
 * @param at when it was added
 */
public record ContributionAdded(UUID caseId, UUID contributionId, String authorOrganisation, Instant at) {
}
