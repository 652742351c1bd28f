package nl.schakel.contribution;

/**
 * The five questions of a conflict-of-duties judgement (conflict van plichten), all of
 * which must be answered before professional secrecy may be broken.
 *
 * @param interest which interest is served by sharing
 * @param whyNoConsent why consent was not asked or not given
 * @param noOtherWay why there is no other way
 * @param seriousHarm what serious harm is to be prevented
 * @param strictlyNeeded which information is strictly needed, and for whom
 */
public record ConflictOfDutiesJustification(String interest, String whyNoConsent, String noOtherWay, String seriousHarm,
		String strictlyNeeded) {
}
