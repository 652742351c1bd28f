package nl.schakel.contribution;

import java.time.Instant;
import java.util.UUID;

/** A disclosure request as requester and owner see it in their inbox. */
public record DisclosureRequestView(UUID id, UUID caseId, UUID contributionId, String requester,
		String requesterOrganisation, String owner, String purpose, String reason, Instant requestedAt, String state,
		String decidedBy, Instant decidedAt, String grantedBasis, Boolean grantedToOrganisation,
		String refusalReason) {
}
