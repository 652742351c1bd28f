package nl.schakel.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadKey;

/**
 * Seals and opens field values with AES-256-GCM from a Tink keyset. Every ciphertext
 * starts with Tink's 5-byte prefix (version byte and key id), so values sealed with an
 * older key stay readable after a rotation, and each ciphertext is bound to its
 * {@link FieldBinding}.
 *
 * <p>
 * An instance holds the keyset it was built with: after {@link Keysets#rotate} the
 * application must build a new one (restart) before new values are sealed with the new
 * key.
 */
public final class FieldCipher {

	private final Aead aead;

	private final byte[] primaryPrefix;

	private final List<byte[]> masterPrefixes = new ArrayList<>();

	private final CaseKeys caseKeys;

	/**
	 * A cipher with the master keyset only (tools and tests that know no cases).
	 * @param keysets the keysets whose AEAD keyset seals and opens
	 */
	public FieldCipher(Keysets keysets) {
		this(keysets, null);
	}

	/**
	 * @param keysets the keysets whose AEAD keyset seals and opens what belongs to no
	 * case, and what was sealed before cases had keys of their own
	 * @param caseKeys the per-case data keys that seal a value whose binding names its
	 * case
	 */
	public FieldCipher(Keysets keysets, CaseKeys caseKeys) {
		this.caseKeys = caseKeys;
		KeysetHandle keyset = keysets.aead();
		for (int i = 0; i < keyset.size(); i++) {
			if (keyset.getAt(i).getKey() instanceof AeadKey key) {
				this.masterPrefixes.add(key.getOutputPrefix().toByteArray());
			}
		}
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
			if (binding.caseId() != null && this.caseKeys != null) {
				return this.caseKeys.forSealing(binding.caseId())
					.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), binding.associatedData());
			}
			return this.aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), binding.associatedData());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Cannot seal " + binding.table() + "." + binding.column() + " of row " + binding.rowId(), ex);
		}
	}

	/**
	 * Opens a value sealed for this place with any key in the keyset.
	 * @param ciphertext what {@link #seal} returned
	 * @param binding where the value is stored
	 * @return the value
	 * @throws FieldDecryptionException if the ciphertext belongs to another place, was
	 * sealed with an unknown key or was tampered with
	 */
	public String open(byte[] ciphertext, FieldBinding binding) {
		Objects.requireNonNull(ciphertext, "ciphertext");
		try {
			// Values sealed before cases had keys of their own stay under the master key
			// and are
			// recognised by its key id; an erasure blanks them explicitly (see
			// docs/audit.md).
			if (binding.caseId() != null && this.caseKeys != null && !isSealedWithMasterKeyset(ciphertext)) {
				Aead caseKey = this.caseKeys.forOpening(binding.caseId())
					.orElseThrow(() -> new GeneralSecurityException("The case has no data key"));
				return new String(caseKey.decrypt(ciphertext, binding.associatedData()), StandardCharsets.UTF_8);
			}
			return new String(this.aead.decrypt(ciphertext, binding.associatedData()), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new FieldDecryptionException(binding, ex);
		}
	}

	/**
	 * Tells a rotation job whether a value still needs {@link #reseal}. Looks at the key
	 * id in the prefix only; it does not authenticate the ciphertext.
	 * @param ciphertext what {@link #seal} returned
	 * @return whether it was sealed with the current primary key
	 */
	public boolean isSealedWithPrimary(byte[] ciphertext) {
		int length = this.primaryPrefix.length;
		return ciphertext.length >= length && Arrays.equals(ciphertext, 0, length, this.primaryPrefix, 0, length);
	}

	/**
	 * Tells a rotation job whether a value is the master keyset's at all: values sealed
	 * under a case's data key are not, and are never resealed under the master key (that
	 * would undo crypto-shredding).
	 * @param ciphertext what {@link #seal} returned
	 * @return whether one of the master keyset's keys sealed it
	 */
	public boolean isSealedWithMasterKeyset(byte[] ciphertext) {
		for (byte[] prefix : this.masterPrefixes) {
			if (ciphertext.length >= prefix.length
					&& Arrays.equals(ciphertext, 0, prefix.length, prefix, 0, prefix.length)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Opens a value with whichever key sealed it and seals it again, for the same place,
	 * with the primary key.
	 * @param ciphertext what {@link #seal} returned, possibly with an older key
	 * @param binding where the value is stored
	 * @return the ciphertext under the primary key
	 * @throws FieldDecryptionException if the ciphertext cannot be opened for this place
	 */
	public byte[] reseal(byte[] ciphertext, FieldBinding binding) {
		return seal(open(ciphertext, binding), binding);
	}

}
