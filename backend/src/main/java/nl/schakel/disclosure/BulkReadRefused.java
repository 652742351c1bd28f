package nl.schakel.disclosure;

import java.time.Instant;
import java.util.UUID;

/**
 * A professional was refused a case read for reading more cases than the access policy
 * allows; announced once an hour per professional, after the refused request's
 * transaction, for the security log and the review queue.
 *
 * @param caseId the case they tried to read
 * @param actor the professional
 * @param organisation their organisation
 * @param readsPerHour the policy's case reads per hour
 * @param burst the policy's burst
 * @param at when it was refused
 */
public record BulkReadRefused(UUID caseId, String actor, String organisation, int readsPerHour, int burst, Instant at) {
}
