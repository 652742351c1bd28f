package nl.schakel.audit;

import java.util.List;

/**
 * One page of a search, newest first.
 *
 * @param disclosures the rows on this page
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last
 * page
 */
public record DisclosurePage(List<DisclosureEntry> disclosures, String nextCursor) {
}
