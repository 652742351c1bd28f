package nl.schakel.disclosure;

/** What kind of item a disclosure is about. */
public enum ItemKind {

	/** The case header: who the person is, and the case's facts. */
	CASE,
	/** One contribution (inbreng). */
	CONTRIBUTION,
	/**
	 * A person search (known-to check): recorded as an event, NEN 7513 counts a search.
	 */
	PERSON_SEARCH,
	/**
	 * The fact that a person is known to the safety house, with the coordinator's
	 * contact.
	 */
	KNOWN_TO,
	/** A search of the disclosure log by an auditor: metadata of the rows found. */
	AUDIT_SEARCH,
	/** An export (CSV) of a search of the disclosure log: metadata only. */
	AUDIT_EXPORT,
	/** A person looked up by an auditor by BSN or by name and date of birth. */
	PERSON_LOOKUP,
	/**
	 * A subject-access report (GDPR art. 15): metadata on one person and who received it.
	 */
	SUBJECT_ACCESS,
	/** The change history of a case or contribution (who changed what): metadata only. */
	CHANGE_HISTORY,
	/**
	 * A consent's scope, shown to a participant of its case: it reveals that its holder
	 * has information of these categories (health, say), so it is a disclosure like any
	 * other.
	 */
	CONSENT,
	/** The minutes of one case on a case meeting's agenda: what was shared and agreed. */
	MINUTES,
	/**
	 * An action of the plan of action: its description (its deadline and status are
	 * metadata).
	 */
	ACTION,
	/** A progress note a partner added to its action with a status change. */
	ACTION_NOTE,
	/**
	 * One organisation's ratings of one assessment domain, or the coordinator's
	 * integrated judgement.
	 */
	ASSESSMENT,
	/**
	 * An intervention chosen for a case: its parts, the persons involved, barriers and
	 * outcome.
	 */
	INTERVENTION,
	/** Evaluation aggregates over many cases (statistical use): counts, never a case. */
	EVALUATION

}
