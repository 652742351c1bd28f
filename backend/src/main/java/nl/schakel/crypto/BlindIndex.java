package nl.schakel.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;

import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PrfSet;

/**
 * A keyed blind index (HMAC-SHA256) for exact lookup of identifiers such as the BSN
 * without storing or querying them in plaintext: the same value always gives the same
 * index, and without the key the index cannot be computed or reversed by trying all
 * nine-digit numbers.
 *
 * <p>
 * The key is deliberately separate from the sealing keys and not rotated with them: a new
 * key would change every index. Two values that are equal after normalisation get the
 * same index, so normalise before calling {@link #of} (e.g. a BSN as exactly nine digits)
 * and treat the index as personal data: never log it.
 */
public final class BlindIndex {

	// The full HMAC-SHA256 output.
	private static final int LENGTH = 32;

	// Keeps this index apart from any other use of the same key, should there ever be
	// one.
	private static final byte[] DOMAIN = "schakel:blind-index:v1:".getBytes(StandardCharsets.UTF_8);

	private final PrfSet prf;

	/**
	 * @param keysets the keysets whose PRF keyset computes the index
	 */
	public BlindIndex(Keysets keysets) {
		try {
			this.prf = keysets.blindIndex().getPrimitive(RegistryConfiguration.get(), PrfSet.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The blind index keyset cannot be used as a PRF", ex);
		}
	}

	/**
	 * @param normalisedValue the identifier, already normalised by the caller
	 * @return the index: 64 lower-case hex characters
	 */
	public String of(String normalisedValue) {
		Objects.requireNonNull(normalisedValue, "normalisedValue");
		byte[] value = normalisedValue.getBytes(StandardCharsets.UTF_8);
		byte[] input = new byte[DOMAIN.length + value.length];
		System.arraycopy(DOMAIN, 0, input, 0, DOMAIN.length);
		System.arraycopy(value, 0, input, DOMAIN.length, value.length);
		try {
			return HexFormat.of().formatHex(this.prf.computePrimary(input, LENGTH));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot compute a blind index", ex);
		}
	}

}
