package nl.schakel.participation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organisation was admitted to a case it did not take part in before (a change of an
 * existing admission is not a new admission). Published inside the admitting transaction,
 * so whatever listens in it is rolled back with the admission.
 *
 * @param caseId the case
 * @param organisation the admitted organisation's code
 * @param professionals the professionals the admission is narrowed to; empty for all of
 * them
 * @param at when it was admitted
 */
public record OrganisationAdmitted(UUID caseId, String organisation, List<String> professionals, Instant at) {
}
