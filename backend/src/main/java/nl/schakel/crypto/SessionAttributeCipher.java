package nl.schakel.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;

/**
 * Seals what a session keeps in PostgreSQL (several instances, Spring Session JDBC) under
 * the master AEAD keyset: the security context with its OAuth2 tokens, the purposes
 * chosen per case, the form input kept for the next page after a refused post (case
 * content). The associated data names the column, so a sealed field of another table
 * never opens as a session attribute. It does not name the session: the session's primary
 * key is not known where the value is serialized, and its id changes at every login
 * (fixation protection) while the attributes stay; whoever may write the session table
 * can take a whole session row anyway.
 */
public final class SessionAttributeCipher {

	private static final byte[] ASSOCIATED_DATA = "schakel:v1:spring_session_attributes:attribute_bytes"
		.getBytes(StandardCharsets.UTF_8);

	private final Aead aead;

	public SessionAttributeCipher(Keysets keysets) {
		try {
			this.aead = keysets.aead().getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The AEAD keyset cannot be used for sealing session attributes", ex);
		}
	}

	/** The serialized attribute, sealed with the primary key. */
	public byte[] seal(byte[] serialized) {
		Objects.requireNonNull(serialized, "serialized");
		try {
			return this.aead.encrypt(serialized, ASSOCIATED_DATA);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal a session attribute", ex);
		}
	}

	/**
	 * The serialized attribute, or empty if the bytes were not sealed by this keyset for
	 * a session attribute (written in the clear before sealing began, or altered).
	 */
	public Optional<byte[]> open(byte[] sealed) {
		Objects.requireNonNull(sealed, "sealed");
		try {
			return Optional.of(this.aead.decrypt(sealed, ASSOCIATED_DATA));
		}
		catch (GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

}
