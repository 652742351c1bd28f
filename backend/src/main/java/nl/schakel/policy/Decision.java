package nl.schakel.policy;

/** The effect of a policy decision on one item for one reader. */
public enum Decision {

	/** Show the content. */
	PERMIT,

	/** Show nothing: not even that the item exists. */
	DENY,

	/**
	 * Show that the item exists (author's organisation, date, category) but not its
	 * content; the reader may file a disclosure request.
	 */
	EXISTENCE_ONLY

}
