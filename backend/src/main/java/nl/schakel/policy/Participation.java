package nl.schakel.policy;

/** How the reader takes part in the case, for the purpose of the request. */
public enum Participation {

	/** Admitted to the case for this purpose. */
	PARTICIPANT,

	/** Not admitted, or not for this purpose. */
	NOT_PARTICIPANT,

	/**
	 * Emergency access is active for this reader and case. The policy treats it as
	 * {@link #NOT_PARTICIPANT} for roles its {@code break-glass} section does not name.
	 */
	BREAK_GLASS

}
