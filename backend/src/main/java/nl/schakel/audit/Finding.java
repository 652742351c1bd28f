package nl.schakel.audit;

/** The auditor's conclusion about a review item. */
public enum Finding {

	/** The disclosure was justified. */
	IN_ORDER,
	/**
	 * Something needs to be done: ask the professional, adjust an admission or the
	 * policy.
	 */
	FOLLOW_UP,
	/** A data breach or a breach of secrecy: handle as an incident. */
	INCIDENT

}
