package nl.schakel.participation;

import java.time.LocalDate;
import java.util.List;

/**
 * An organisation to admit to a case.
 *
 * @param organisation the organisation's code
 * @param professionals usernames to narrow the admission to; empty admits every
 * professional
 * @param purposes the purposes (codes from {@code policies/purposes.yaml}) it is admitted
 * for
 * @param validUntil the last day of the admission, or {@code null} for open-ended
 */
public record Admission(String organisation, List<String> professionals, List<String> purposes, LocalDate validUntil) {

	public Admission {
		// a null in a JSON list becomes "", which the workspace refuses as a blank name
		// or an
		// unknown purpose; List.copyOf would throw and answer 500
		professionals = (professionals == null) ? List.of() : professionals.stream().map(Admission::orBlank).toList();
		purposes = (purposes == null) ? List.of() : purposes.stream().map(Admission::orBlank).toList();
	}

	private static String orBlank(String text) {
		return (text == null) ? "" : text;
	}

}
