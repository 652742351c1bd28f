package nl.schakel.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keysets come from. When {@code aead-keyset} and {@code blind-index-keyset}
 * are set (production: Tink JSON keysets given as {@code ENC(...)} secrets, decrypted by
 * Jasypt before they get here) they are used; otherwise the keysets are cleartext files
 * in {@code keyset-directory}, generated on first start, which is fit for the embedded
 * demo mode only.
 *
 * @param keysetDirectory the directory of the keyset files (embedded demo mode)
 * @param aeadKeyset the Tink JSON keyset that seals fields, or {@code null}
 * @param blindIndexKeyset the Tink JSON keyset of the blind index, or {@code null}
 */
@ConfigurationProperties("schakel.crypto")
public record CryptoProperties(@DefaultValue("data/keys") String keysetDirectory, String aeadKeyset,
		String blindIndexKeyset) {

	boolean hasConfiguredKeysets() {
		return hasText(this.aeadKeyset) || hasText(this.blindIndexKeyset);
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	// The generated toString would print key material into any log that prints this
	// record.
	@Override
	public String toString() {
		return "CryptoProperties[keysetDirectory=" + this.keysetDirectory + ", aeadKeyset="
				+ (hasText(this.aeadKeyset) ? "(set)" : "(not set)") + ", blindIndexKeyset="
				+ (hasText(this.blindIndexKeyset) ? "(set)" : "(not set)") + "]";
	}

}
