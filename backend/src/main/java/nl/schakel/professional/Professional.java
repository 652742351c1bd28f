package nl.schakel.professional;

/**
 * A professional as the identity provider describes them.
 *
 * @param username the login name, the key every record in Schakel holds
 * @param name the full name to show
 * @param givenName the given name, if the identity provider sent it
 * @param familyName the family name, if sent
 * @param email the e-mail address, if sent
 * @param organisation the code of their organisation
 */
public record Professional(String username, String name, String givenName, String familyName, String email,
		String organisation) {

	/** Someone the directory does not know: the login name is all there is to show. */
	static Professional unknown(String username) {
		return new Professional(username, username, null, null, null, null);
	}

}
