package nl.schakel.policy;

/**
 * The legal basis (grondslag) a contributor states for sharing an item.
 *
 * @see EffectiveBasis
 */
public enum LegalBasis {

	/** The person consented; only valid while a consent object covers the reader. */
	CONSENT,

	/** A statutory duty or power, with a statutory reference. */
	STATUTORY,

	/** Conflict of duties (conflict van plichten), with a structured justification. */
	CONFLICT_OF_DUTIES,

	/** Necessary for a task in the public interest. */
	PUBLIC_TASK

}
