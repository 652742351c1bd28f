package nl.schakel.disclosure;

import java.util.Set;

/**
 * Who an item is meant for: organisations (by code) and domains; or every participant of
 * the case, as for the case header.
 */
public record Audience(Set<String> organisations, Set<String> domains, boolean allParticipants) {

	public Audience {
		organisations = Set.copyOf(organisations);
		domains = Set.copyOf(domains);
	}

	public static Audience everyParticipant() {
		return new Audience(Set.of(), Set.of(), true);
	}

	public static Audience of(Set<String> organisations, Set<String> domains) {
		return new Audience(organisations, domains, false);
	}

	boolean includes(String organisation, String domain) {
		return this.allParticipants || this.organisations.contains(organisation)
				|| (domain != null && this.domains.contains(domain));
	}

}
