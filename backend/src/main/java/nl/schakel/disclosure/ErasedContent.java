package nl.schakel.disclosure;

import java.time.Instant;

/**
 * An item whose content was erased under a retention period of its data category while
 * its case is kept: when, and under which rule of {@code retention.yaml}. The item is
 * still listed and its reads still logged; there is nothing left to show.
 *
 * @param erasedAt when its content was erased
 * @param ruleId the retention rule, or {@code null} when no marker names it
 */
public record ErasedContent(Instant erasedAt, String ruleId) {
}
