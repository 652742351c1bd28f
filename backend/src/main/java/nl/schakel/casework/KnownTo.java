package nl.schakel.casework;

import java.util.List;

/**
 * The answer to a known-to check: whether the person has an open case at a safety house,
 * and whom to contact. Nothing else about the case.
 */
public record KnownTo(boolean known, List<Contact> contacts) {

	/** The application rule under which "known to the safety house" is disclosed. */
	static final String RULE = "known-to-check";

	/**
	 * The application rule under which a search is recorded (NEN 7513 counts it as an
	 * event).
	 */
	static final String SEARCH_RULE = "person-search";

	/** Whom to contact: the safety house and the case's coordinator. */
	public record Contact(String safetyHouse, String coordinator) {
	}

}
