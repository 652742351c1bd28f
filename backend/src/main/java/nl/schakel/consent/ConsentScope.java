package nl.schakel.consent;

import java.time.LocalDate;
import java.util.List;

/**
 * What a consent covers: recipients (organisation codes and/or domains), data categories,
 * purposes, and the period.
 */
public record ConsentScope(List<String> organisations, List<String> domains, List<String> categories,
		List<String> purposes, LocalDate validFrom, LocalDate validUntil) {

	public ConsentScope {
		organisations = copy(organisations);
		domains = copy(domains);
		categories = copy(categories);
		purposes = copy(purposes);
	}

	// a null in a JSON list becomes "", which the workspace refuses as unknown;
	// List.copyOf
	// would throw and answer 500
	private static List<String> copy(List<String> codes) {
		return (codes == null) ? List.of() : codes.stream().map((code) -> (code == null) ? "" : code).toList();
	}

}
