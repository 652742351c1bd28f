package nl.schakel.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeyRotationTest {

	@TempDir
	Path keys;

	private final FieldBinding bsnOfPerson = new FieldBinding("person", "bsn", UUID.randomUUID());

	@Test
	void rotationKeepsOldRowsReadableAndSealsNewOnesWithTheNewKey() {
		FieldCipher before = new FieldCipher(Keysets.loadOrGenerate(this.keys));
		byte[] oldRow = before.seal("123456782", this.bsnOfPerson);
		assertThat(before.isSealedWithPrimary(oldRow)).isTrue();

		int newKeyId = Keysets.rotate(this.keys);
		FieldCipher after = new FieldCipher(Keysets.loadOrGenerate(this.keys));

		assertThat(keyIdOf(oldRow)).isNotEqualTo(newKeyId);
		assertThat(after.open(oldRow, this.bsnOfPerson)).isEqualTo("123456782");
		assertThat(after.isSealedWithPrimary(oldRow)).isFalse();

		byte[] newRow = after.seal("111222333", this.bsnOfPerson);
		assertThat(keyIdOf(newRow)).isEqualTo(newKeyId);
		assertThat(after.isSealedWithPrimary(newRow)).isTrue();
	}

	@Test
	void resealMovesAnOldRowToTheNewKeyAndKeepsItBoundToItsPlace() {
		byte[] oldRow = new FieldCipher(Keysets.loadOrGenerate(this.keys)).seal("123456782", this.bsnOfPerson);
		int newKeyId = Keysets.rotate(this.keys);
		FieldCipher after = new FieldCipher(Keysets.loadOrGenerate(this.keys));

		byte[] resealed = after.reseal(oldRow, this.bsnOfPerson);

		assertThat(after.isSealedWithPrimary(resealed)).isTrue();
		assertThat(keyIdOf(resealed)).isEqualTo(newKeyId);
		assertThat(after.open(resealed, this.bsnOfPerson)).isEqualTo("123456782");
		FieldBinding otherPerson = new FieldBinding("person", "bsn", UUID.randomUUID());
		assertThatExceptionOfType(FieldDecryptionException.class).isThrownBy(() -> after.open(resealed, otherPerson));
	}

	@Test
	void keysFromEveryRotationStayUsable() {
		byte[] first = new FieldCipher(Keysets.loadOrGenerate(this.keys)).seal("first", this.bsnOfPerson);
		Keysets.rotate(this.keys);
		byte[] second = new FieldCipher(Keysets.loadOrGenerate(this.keys)).seal("second", this.bsnOfPerson);
		Keysets.rotate(this.keys);
		Keysets rotatedTwice = Keysets.loadOrGenerate(this.keys);
		FieldCipher latest = new FieldCipher(rotatedTwice);

		assertThat(rotatedTwice.aead().size()).isEqualTo(3);
		assertThat(latest.open(first, this.bsnOfPerson)).isEqualTo("first");
		assertThat(latest.open(second, this.bsnOfPerson)).isEqualTo("second");
	}

	@Test
	void rotationLeavesTheBlindIndexAlone() {
		String before = new BlindIndex(Keysets.loadOrGenerate(this.keys)).of("123456782");

		Keysets.rotate(this.keys);

		assertThat(new BlindIndex(Keysets.loadOrGenerate(this.keys)).of("123456782")).isEqualTo(before);
	}

	@Test
	void rotationLeavesNoTemporaryFilesBehind() throws IOException {
		Keysets.loadOrGenerate(this.keys);

		Keysets.rotate(this.keys);

		try (Stream<Path> files = Files.list(this.keys)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder(Keysets.AEAD_FILE,
					Keysets.BLIND_INDEX_FILE);
		}
	}

	@Test
	void rotatingAnEmptyDirectoryIsRefusedRatherThanStartingAFreshKeyset() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> Keysets.rotate(this.keys))
			.withMessageContaining(Keysets.AEAD_FILE);
	}

	private static int keyIdOf(byte[] ciphertext) {
		return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
	}

}
