package nl.schakel.disclosure;

import java.util.Objects;

import nl.schakel.crypto.FieldBinding;
import nl.schakel.crypto.FieldCipher;

/**
 * Content as it is stored: AEAD ciphertext bound to its row. It has no public way to
 * become text. Only the {@link DisclosureGate} can unseal it, and only by handing over
 * the persisted {@link Disclosure} that permits this very item.
 */
public final class SealedContent {

	private final byte[] ciphertext;

	private final FieldBinding binding;

	private SealedContent(byte[] ciphertext, FieldBinding binding) {
		this.ciphertext = ciphertext.clone();
		this.binding = Objects.requireNonNull(binding, "binding");
	}

	public static SealedContent of(byte[] ciphertext, FieldBinding binding) {
		return new SealedContent(Objects.requireNonNull(ciphertext, "ciphertext"), binding);
	}

	// a retention erasure blanks the value to no bytes: nothing is left to open
	boolean erased() {
		return this.ciphertext.length == 0;
	}

	String unseal(Disclosure disclosure, FieldCipher cipher) {
		if (!disclosure.isRecorded()) {
			throw new IllegalStateException("Content is only unsealed after its disclosure is recorded");
		}
		if (!disclosure.permitsContentOf(this.binding.rowId())) {
			throw new IllegalStateException("This disclosure does not permit this item's content");
		}
		return cipher.open(this.ciphertext, this.binding);
	}

	@Override
	public String toString() {
		return "SealedContent[" + this.binding + "]";
	}

}
