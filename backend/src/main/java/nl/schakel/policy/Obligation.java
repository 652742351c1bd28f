package nl.schakel.policy;

/**
 * What the gate must do besides applying the effect.
 */
public enum Obligation {

	/**
	 * Record the decision in the disclosure log. Every decision carries it, granted or
	 * denied, whether or not the policy file names it, so the gate never has to ask.
	 */
	RECORD,

	/** Put the disclosure in the privacy officer's review queue. */
	FLAG_FOR_REVIEW

}
