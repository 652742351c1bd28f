package nl.schakel.policy;

/**
 * The legal basis that holds for one reader at the moment of reading. It equals the
 * item's {@link LegalBasis}, except that consent which is withdrawn, expired or does not
 * cover this reader (partner, category, purpose) becomes {@link #NONE}. Keeping this a
 * separate type means the policy can never confuse "the contributor once had consent"
 * with "consent holds now".
 */
public enum EffectiveBasis {

	CONSENT, STATUTORY, CONFLICT_OF_DUTIES, PUBLIC_TASK,

	/** The item rests on consent that does not (or no longer) cover this reader. */
	NONE;

	/**
	 * The effective basis of an item for one reader.
	 * @param declared the item's legal basis
	 * @param consentCoversReader whether a valid consent covers this reader, category and
	 * purpose now; ignored unless {@code declared} is {@link LegalBasis#CONSENT}
	 * @return the basis to pass to the policy
	 */
	public static EffectiveBasis of(LegalBasis declared, boolean consentCoversReader) {
		return switch (declared) {
			case CONSENT -> consentCoversReader ? CONSENT : NONE;
			case STATUTORY -> STATUTORY;
			case CONFLICT_OF_DUTIES -> CONFLICT_OF_DUTIES;
			case PUBLIC_TASK -> PUBLIC_TASK;
		};
	}

}
