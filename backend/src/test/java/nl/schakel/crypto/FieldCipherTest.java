package nl.schakel.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FieldCipherTest {

	private static final String CONTENT = "Cliënt meldt terugval in middelengebruik; BSN 123456782";

	private final Keysets keysets = Keysets.generate();

	private final FieldCipher cipher = new FieldCipher(this.keysets);

	private final FieldBinding contentOfRow = new FieldBinding("contribution", "content", UUID.randomUUID());

	@Test
	void sealedValueOpensToTheSameText() {
		byte[] sealed = this.cipher.seal(CONTENT, this.contentOfRow);

		assertThat(this.cipher.open(sealed, this.contentOfRow)).isEqualTo(CONTENT);
	}

	@Test
	void emptyTextSurvivesTheRoundTrip() {
		assertThat(this.cipher.open(this.cipher.seal("", this.contentOfRow), this.contentOfRow)).isEmpty();
	}

	@Test
	void ciphertextCopiedToAnotherRowDoesNotDecrypt() {
		byte[] sealed = this.cipher.seal(CONTENT, this.contentOfRow);
		FieldBinding otherRow = new FieldBinding("contribution", "content", UUID.randomUUID());

		assertThatExceptionOfType(FieldDecryptionException.class).isThrownBy(() -> this.cipher.open(sealed, otherRow))
			.satisfies((ex) -> assertThat(ex.binding()).isEqualTo(otherRow));
	}

	@Test
	void ciphertextCopiedToAnotherColumnDoesNotDecrypt() {
		byte[] sealed = this.cipher.seal(CONTENT, this.contentOfRow);
		FieldBinding otherColumn = new FieldBinding("contribution", "summary", this.contentOfRow.rowId());

		assertThatExceptionOfType(FieldDecryptionException.class)
			.isThrownBy(() -> this.cipher.open(sealed, otherColumn));
	}

	@Test
	void ciphertextCopiedToAnotherTableDoesNotDecrypt() {
		byte[] sealed = this.cipher.seal(CONTENT, this.contentOfRow);
		FieldBinding otherTable = new FieldBinding("person", "content", this.contentOfRow.rowId());

		assertThatExceptionOfType(FieldDecryptionException.class)
			.isThrownBy(() -> this.cipher.open(sealed, otherTable));
	}

	@Test
	void tamperedCiphertextDoesNotDecrypt() {
		byte[] sealed = this.cipher.seal(CONTENT, this.contentOfRow);
		// After the 5-byte key prefix: nonce, body and tag must each be covered.
		for (int position : new int[] { 5, 5 + 12, sealed.length / 2, sealed.length - 1 }) {
			byte[] tampered = sealed.clone();
			tampered[position] ^= 0x01;

			assertThatExceptionOfType(FieldDecryptionException.class).as("bit flipped at %d", position)
				.isThrownBy(() -> this.cipher.open(tampered, this.contentOfRow));
		}
	}

	@Test
	void truncatedCiphertextDoesNotDecrypt() {
		byte[] sealed = this.cipher.seal(CONTENT, this.contentOfRow);
		byte[] truncated = Arrays.copyOf(sealed, sealed.length - 1);

		assertThatExceptionOfType(FieldDecryptionException.class)
			.isThrownBy(() -> this.cipher.open(truncated, this.contentOfRow));
	}

	@Test
	void failureToDecryptNeverRevealsTheContent() {
		byte[] sealed = this.cipher.seal(CONTENT, this.contentOfRow);
		FieldBinding otherRow = new FieldBinding("contribution", "content", UUID.randomUUID());

		assertThatExceptionOfType(FieldDecryptionException.class).isThrownBy(() -> this.cipher.open(sealed, otherRow))
			.satisfies((ex) -> {
				for (Throwable t = ex; t != null; t = t.getCause()) {
					assertThat(String.valueOf(t.getMessage())).doesNotContain("123456782").doesNotContain("terugval");
				}
				assertThat(ex.getMessage()).contains("contribution.content", otherRow.rowId().toString());
			});
	}

	@Test
	void ciphertextNeverContainsThePlaintextBytes() {
		byte[] sealed = this.cipher.seal(CONTENT, this.contentOfRow);
		byte[] plaintext = CONTENT.getBytes(StandardCharsets.UTF_8);

		// No 6-byte window of the plaintext may show up; by chance that would happen
		// about once
		// in 10^11 runs.
		for (int i = 0; i + 6 <= plaintext.length; i++) {
			assertThat(indexOf(sealed, Arrays.copyOfRange(plaintext, i, i + 6)))
				.as("plaintext bytes %d..%d in ciphertext", i, i + 6)
				.isEqualTo(-1);
		}
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("123456782");
	}

	@Test
	void sealingTheSameTextTwiceGivesDifferentCiphertexts() {
		assertThat(this.cipher.seal(CONTENT, this.contentOfRow))
			.isNotEqualTo(this.cipher.seal(CONTENT, this.contentOfRow));
	}

	@Test
	void ciphertextStartsWithThePrimaryKeyId() {
		byte[] sealed = this.cipher.seal(CONTENT, this.contentOfRow);

		assertThat(sealed[0]).as("Tink prefix version byte").isEqualTo((byte) 0x01);
		assertThat(ByteBuffer.wrap(sealed, 1, 4).getInt()).isEqualTo(this.keysets.aead().getPrimary().getId());
		assertThat(this.cipher.isSealedWithPrimary(sealed)).isTrue();
	}

	@Test
	void ciphertextOfAnotherKeysetDoesNotDecrypt() {
		byte[] sealed = new FieldCipher(Keysets.generate()).seal(CONTENT, this.contentOfRow);

		assertThat(this.cipher.isSealedWithPrimary(sealed)).isFalse();
		assertThatExceptionOfType(FieldDecryptionException.class)
			.isThrownBy(() -> this.cipher.open(sealed, this.contentOfRow));
	}

	@Test
	void namesWithAColonAreRefusedBecauseTheyWouldMakeBindingsAmbiguous() {
		UUID row = UUID.randomUUID();

		assertThatIllegalArgumentException().isThrownBy(() -> new FieldBinding("a:b", "c", row));
		assertThatIllegalArgumentException().isThrownBy(() -> new FieldBinding("a", "b:c", row));
		assertThatIllegalArgumentException().isThrownBy(() -> new FieldBinding(" ", "c", row));
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
