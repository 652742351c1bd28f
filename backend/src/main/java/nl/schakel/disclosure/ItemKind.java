package nl.schakel.disclosure;

/** What kind of item a disclosure is about. */
public enum ItemKind {

	/** The case header: who the person is, and the case's facts. */
	CASE,
	/** One contribution (inbreng). */
	CONTRIBUTION

}
