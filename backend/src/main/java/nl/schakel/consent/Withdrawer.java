package nl.schakel.consent;

/**
 * Who records a withdrawal: a professional of the holder, or the coordinator steering the
 * case, who records a withdrawal the person made at the safety house.
 *
 * @param username who records it
 * @param organisation for which organisation
 * @param steersCase whether they are the coordinator steering the consent's case
 */
public record Withdrawer(String username, String organisation, boolean steersCase) {
}
