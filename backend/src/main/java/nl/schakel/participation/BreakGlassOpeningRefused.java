package nl.schakel.participation;

import java.time.Instant;
import java.util.UUID;

/**
 * A professional was refused emergency access because they reached the day's limit of
 * openings; the privacy officer reviews why.
 *
 * @param caseId the case they asked emergency access to
 * @param actor the professional
 * @param organisation their organisation
 * @param limit the openings allowed in a day
 * @param at when it was refused
 */
public record BreakGlassOpeningRefused(UUID caseId, String actor, String organisation, int limit, Instant at) {
}
