package nl.schakel.contribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A participant asked the holder of an item to disclose it. Published inside the
 * requesting transaction; carries no reason and no content.
 *
 * @param requestId the request
 * @param caseId the case of the item
 * @param holder the username of the item's author, who answers
 * @param holderOrganisation the author's organisation
 * @param requesterOrganisation the organisation that asks
 * @param due the last day the holder should answer on
 * @param at when it was asked
 */
public record DisclosureRequested(UUID requestId, UUID caseId, String holder, String holderOrganisation,
		String requesterOrganisation, LocalDate due, Instant at) {
}
