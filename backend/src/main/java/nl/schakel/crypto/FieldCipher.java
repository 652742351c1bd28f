package nl.schakel.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadKey;

/**
 * Seals and opens field values with AES-256-GCM from a Tink keyset. Every ciphertext starts with
 * Tink's 5-byte prefix (version byte and key id), so values sealed with an older key stay
 * readable after a rotation, and each ciphertext is bound to its {@link FieldBinding}.
 *
 * <p>An instance holds the keyset it was built with: after {@link Keysets#rotate} the
 * application must build a new one (restart) before new values are sealed with the new key.
 */
public final class FieldCipher {

	private final Aead aead;

	private final byte[] primaryPrefix;

	/**
	 * @param keysets the keysets whose AEAD keyset seals and opens
	 */
	public FieldCipher(Keysets keysets) {
		KeysetHandle keyset = keysets.aead();
		try {
			this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The AEAD keyset cannot be used for sealing fields", ex);
		}
		// Keysets has checked that the primary is an AEAD key with a Tink prefix.
		this.primaryPrefix = ((AeadKey) keyset.getPrimary().getKey()).getOutputPrefix().toByteArray();
	}

	/**
	 * Seals a value for one place with the primary key.
	 * @param plaintext the value, not {@code null}
	 * @param binding where the value will be stored
	 * @return the ciphertext, prefixed with the primary key's id
	 */
	public byte[] seal(String plaintext, FieldBinding binding) {
		Objects.requireNonNull(plaintext, "plaintext");
		try {
			return this.aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), binding.associatedData());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal " + binding.table() + "." + binding.column() + " of row "
					+ binding.rowId(), ex);
		}
	}

	/**
	 * Opens a value sealed for this place with any key in the keyset.
	 * @param ciphertext what {@link #seal} returned
	 * @param binding where the value is stored
	 * @return the value
	 * @throws FieldDecryptionException if the ciphertext belongs to another place, was sealed
	 * with an unknown key or was tampered with
	 */
	public String open(byte[] ciphertext, FieldBinding binding) {
		Objects.requireNonNull(ciphertext, "ciphertext");
		try {
			return new String(this.aead.decrypt(ciphertext, binding.associatedData()), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new FieldDecryptionException(binding, ex);
		}
	}

	/**
	 * Tells a rotation job whether a value still needs {@link #reseal}. Looks at the key id in
	 * the prefix only; it does not authenticate the ciphertext.
	 * @param ciphertext what {@link #seal} returned
	 * @return whether it was sealed with the current primary key
	 */
	public boolean isSealedWithPrimary(byte[] ciphertext) {
		int length = this.primaryPrefix.length;
		return ciphertext.length >= length
				&& Arrays.equals(ciphertext, 0, length, this.primaryPrefix, 0, length);
	}

	/**
	 * Opens a value with whichever key sealed it and seals it again, for the same place, with the
	 * primary key.
	 * @param ciphertext what {@link #seal} returned, possibly with an older key
	 * @param binding where the value is stored
	 * @return the ciphertext under the primary key
	 * @throws FieldDecryptionException if the ciphertext cannot be opened for this place
	 */
	public byte[] reseal(byte[] ciphertext, FieldBinding binding) {
		return seal(open(ciphertext, binding), binding);
	}

}
