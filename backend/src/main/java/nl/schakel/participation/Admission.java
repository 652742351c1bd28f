package nl.schakel.participation;

import java.time.LocalDate;
import java.util.List;

/**
 * An organisation to admit to a case.
 *
 * @param organisation the organisation's code
 * @param professionals usernames to narrow the admission to; empty admits every professional
 * @param purposes the purposes (codes from {@code policies/purposes.yaml}) it is admitted for
 * @param validUntil the last day of the admission, or {@code null} for open-ended
 */
public record Admission(String organisation, List<String> professionals, List<String> purposes,
		LocalDate validUntil) {

	public Admission {
		professionals = (professionals == null) ? List.of() : List.copyOf(professionals);
		purposes = (purposes == null) ? List.of() : List.copyOf(purposes);
	}

}
