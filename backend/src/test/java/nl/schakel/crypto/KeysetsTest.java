package nl.schakel.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

class KeysetsTest {

	@TempDir
	Path data;

	private final FieldBinding binding = new FieldBinding("contribution", "content", UUID.randomUUID());

	@Test
	void keysetsAreGeneratedOnFirstStartAndReloadedOnTheNext() {
		Path keys = this.data.resolve("keys");
		Keysets firstStart = Keysets.loadOrGenerate(keys);
		String index = new BlindIndex(firstStart).of("123456782");
		byte[] sealed = new FieldCipher(firstStart).seal("inbreng", this.binding);

		assertThat(keys.resolve(Keysets.AEAD_FILE)).isRegularFile();
		assertThat(keys.resolve(Keysets.BLIND_INDEX_FILE)).isRegularFile();

		Keysets nextStart = Keysets.loadOrGenerate(keys);
		assertThat(new BlindIndex(nextStart).of("123456782")).isEqualTo(index);
		assertThat(new FieldCipher(nextStart).open(sealed, this.binding)).isEqualTo("inbreng");
	}

	@Test
	void keysetFilesAreReadableByTheirOwnerOnly() throws IOException {
		assumeThat(this.data.getFileSystem().supportedFileAttributeViews()).contains("posix");
		Path keys = this.data.resolve("keys");

		Keysets.loadOrGenerate(keys);
		Keysets.rotate(keys);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(Keysets.AEAD_FILE))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(Keysets.BLIND_INDEX_FILE))))
			.isEqualTo("rw-------");
	}

	@Test
	void keysetsFromConfigurationStringsWorkLikeTheFilesTheyCameFrom() throws IOException {
		Keysets fromFiles = Keysets.loadOrGenerate(this.data);
		byte[] sealed = new FieldCipher(fromFiles).seal("inbreng", this.binding);

		Keysets fromConfiguration = Keysets.fromJson(Files.readString(this.data.resolve(Keysets.AEAD_FILE)),
				Files.readString(this.data.resolve(Keysets.BLIND_INDEX_FILE)));

		assertThat(new FieldCipher(fromConfiguration).open(sealed, this.binding)).isEqualTo("inbreng");
		assertThat(new BlindIndex(fromConfiguration).of("123456782"))
			.isEqualTo(new BlindIndex(fromFiles).of("123456782"));
	}

	@Test
	void configuredKeysetsTakePrecedenceOverTheDirectory() throws IOException {
		Keysets.loadOrGenerate(this.data);
		Path unused = this.data.resolve("unused");

		Keysets keysets = Keysets
			.from(new CryptoProperties(unused.toString(), Files.readString(this.data.resolve(Keysets.AEAD_FILE)),
					Files.readString(this.data.resolve(Keysets.BLIND_INDEX_FILE))));

		assertThat(keysets.aead().getPrimary().getId())
			.isEqualTo(Keysets.loadOrGenerate(this.data).aead().getPrimary().getId());
		assertThat(unused).doesNotExist();
	}

	@Test
	void withoutConfiguredKeysetsTheDirectoryIsUsed() {
		Path keys = this.data.resolve("keys");

		Keysets.from(new CryptoProperties(keys.toString(), null, " "));

		assertThat(keys.resolve(Keysets.AEAD_FILE)).isRegularFile();
	}

	@Test
	void configuringOnlyOneOfTheTwoKeysetsIsRefused() throws IOException {
		Keysets.loadOrGenerate(this.data);
		String aead = Files.readString(this.data.resolve(Keysets.AEAD_FILE));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> Keysets.from(new CryptoProperties(this.data.toString(), aead, null)))
			.withMessageContaining("schakel.crypto.blind-index-keyset");
	}

	@Test
	void swappedKeysetsAreRefused() throws IOException {
		Keysets.loadOrGenerate(this.data);
		String aead = Files.readString(this.data.resolve(Keysets.AEAD_FILE));
		String prf = Files.readString(this.data.resolve(Keysets.BLIND_INDEX_FILE));

		assertThatIllegalArgumentException().isThrownBy(() -> Keysets.fromJson(prf, aead))
			.withMessageContaining("schakel.crypto.aead-keyset");
	}

	@Test
	void malformedKeysetIsRefusedWithoutRepeatingIt() {
		String almostJson = "{\"primaryKeyId\": 42, \"key\": [{\"keyData\": {\"value\": \"c2VjcmV0LWtleS1tYXRlcmlhbA";

		assertThatIllegalArgumentException().isThrownBy(() -> Keysets.fromJson(almostJson, almostJson))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("schakel.crypto.aead-keyset").doesNotContain("c2VjcmV0");
				assertThat(ex.getCause()).isNull();
			});
	}

	@Test
	void blindIndexKeysetWithMoreThanOneKeyIsRefused() throws Exception {
		Keysets.loadOrGenerate(this.data);
		KeysetHandle twoKeys = KeysetHandle.newBuilder(Keysets.loadOrGenerate(this.data).blindIndex())
			.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedPrfParameters.HMAC_SHA256_PRF).withRandomId())
			.build();
		String aead = Files.readString(this.data.resolve(Keysets.AEAD_FILE));
		String prf = TinkJsonProtoKeysetFormat.serializeKeyset(twoKeys, InsecureSecretKeyAccess.get());

		assertThatIllegalArgumentException().isThrownBy(() -> Keysets.fromJson(aead, prf))
			.withMessageContaining("exactly one key");
	}

	@Test
	void aLoneSurvivingKeysetFileStopsTheStartInsteadOfGeneratingANewKey() throws IOException {
		Keysets.loadOrGenerate(this.data);
		Files.delete(this.data.resolve(Keysets.BLIND_INDEX_FILE));

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> Keysets.loadOrGenerate(this.data))
			.withMessageContaining(Keysets.BLIND_INDEX_FILE);
		assertThat(this.data.resolve(Keysets.BLIND_INDEX_FILE)).doesNotExist();
	}

	@Test
	void propertiesNeverPrintTheirKeysets() {
		CryptoProperties properties = new CryptoProperties("data/keys", "{\"aead-secret\"}", "{\"prf-secret\"}");

		assertThat(properties.toString()).contains("data/keys").doesNotContain("secret");
	}

}
