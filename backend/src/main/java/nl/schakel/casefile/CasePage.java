package nl.schakel.casefile;

import java.util.List;

/**
 * One page of cases, newest first, metadata only.
 *
 * @param cases the cases on this page
 * @param nextCursor pass as {@code before} to get the next page; {@code null} on the last
 */
public record CasePage(List<CaseFacts> cases, Long nextCursor) {
}
