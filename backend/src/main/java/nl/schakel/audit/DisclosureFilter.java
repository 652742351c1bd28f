package nl.schakel.audit;

import org.springframework.web.bind.annotation.BindParam;

/**
 * A search of the disclosure log as typed in the search form or the API's query string:
 * every value is text here, so a wrong one is answered with a message naming the field.
 *
 * @param person a person id
 * @param caseRef a case id or reference (query parameter {@code case})
 * @param actor the username of the professional who received the information
 * @param organisation the code of the professional's organisation
 * @param purpose a purpose code
 * @param category a data category
 * @param decision PERMIT, DENY or EXISTENCE_ONLY
 * @param flagged {@code true} for flagged disclosures only, {@code false} for unflagged
 * only
 * @param from the first day (Europe/Amsterdam), inclusive
 * @param to the last day (Europe/Amsterdam), inclusive
 * @param cursor where the next page starts (from the previous page)
 * @param size rows per page (1 to 200, default 50)
 */
public record DisclosureFilter(String person, @BindParam("case") String caseRef, String actor, String organisation,
		String purpose, String category, String decision, String flagged, String from, String to, String cursor,
		String size) {

	public static DisclosureFilter none() {
		return new DisclosureFilter(null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** The same search from its first page. */
	public DisclosureFilter firstPage() {
		return new DisclosureFilter(this.person, this.caseRef, this.actor, this.organisation, this.purpose,
				this.category, this.decision, this.flagged, this.from, this.to, null, this.size);
	}

}
