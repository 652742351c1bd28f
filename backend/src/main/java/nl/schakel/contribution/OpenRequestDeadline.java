package nl.schakel.contribution;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An open disclosure request with its deadline, for reminding the holder: no reason, no
 * content.
 *
 * @param requestId the request
 * @param caseId the case of the item
 * @param holder the username of the item's author, who answers
 * @param holderOrganisation the author's organisation
 * @param due the last day to answer on
 */
public record OpenRequestDeadline(UUID requestId, UUID caseId, String holder, String holderOrganisation,
		LocalDate due) {
}
