package nl.schakel.contribution;

import java.time.Instant;
import java.util.UUID;

/**
 * The holder granted or refused a disclosure request. Published inside the deciding
 * transaction; carries neither the basis nor the reason.
 *
 * @param requestId the request
 * @param caseId the case of the item
 * @param requester the username of who asked
 * @param requesterOrganisation their organisation
 * @param granted whether it was granted
 * @param at when it was answered
 */
public record DisclosureRequestAnswered(UUID requestId, UUID caseId, String requester, String requesterOrganisation,
		boolean granted, Instant at) {
}
