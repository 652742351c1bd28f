package nl.schakel.casefile;

/**
 * Why the coordinator closed a case: a short list the evaluation statistics can count,
 * with free text next to it for what the list does not say.
 */
public enum CloseReason {

	/** The goals of the plan of action are achieved. */
	GOALS_ACHIEVED,
	/**
	 * The person is in the regular care of a partner; the safety house is no longer
	 * needed.
	 */
	REFERRED_TO_REGULAR_CARE,
	/**
	 * The person gives no consent or does not cooperate, and there are no grounds to
	 * continue without.
	 */
	NO_CONSENT_OR_COOPERATION,
	/** The person moved out of the safety house's region. */
	PERSON_MOVED,
	/** Something else: the free text says what. */
	OTHER

}
