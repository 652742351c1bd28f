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
		organisations = (organisations == null) ? List.of() : List.copyOf(organisations);
		domains = (domains == null) ? List.of() : List.copyOf(domains);
		categories = (categories == null) ? List.of() : List.copyOf(categories);
		purposes = (purposes == null) ? List.of() : List.copyOf(purposes);
	}

}
