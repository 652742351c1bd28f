package nl.schakel.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class CryptoConfigurationTest {

	@TempDir
	Path data;

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(CryptoConfiguration.class);

	@Test
	void withoutConfiguredKeysetsTheBeansUseTheKeysetDirectory() {
		Path keys = this.data.resolve("keys");

		this.context.withPropertyValues("schakel.crypto.keyset-directory=" + keys).run((context) -> {
			assertThat(context).hasSingleBean(FieldCipher.class).hasSingleBean(BlindIndex.class);
			assertThat(keys.resolve(Keysets.AEAD_FILE)).isRegularFile();
		});
	}

	@Test
	void configuredKeysetsAreUsedForBothBeans() throws IOException {
		Keysets original = Keysets.loadOrGenerate(this.data);
		FieldBinding binding = new FieldBinding("contribution", "content", UUID.randomUUID());
		byte[] sealed = new FieldCipher(original).seal("inbreng", binding);
		Path unused = this.data.resolve("unused");

		this.context.withPropertyValues("schakel.crypto.keyset-directory=" + unused,
				"schakel.crypto.aead-keyset=" + Files.readString(this.data.resolve(Keysets.AEAD_FILE)),
				"schakel.crypto.blind-index-keyset=" + Files.readString(this.data.resolve(Keysets.BLIND_INDEX_FILE)))
			.run((context) -> {
				assertThat(context.getBean(FieldCipher.class).open(sealed, binding)).isEqualTo("inbreng");
				assertThat(context.getBean(BlindIndex.class).of("123456782"))
					.isEqualTo(new BlindIndex(original).of("123456782"));
				assertThat(unused).doesNotExist();
			});
	}

	@Test
	void aBrokenConfiguredKeysetStopsTheStart() {
		this.context
			.withPropertyValues("schakel.crypto.aead-keyset=not a keyset", "schakel.crypto.blind-index-keyset=nor this")
			.run((context) -> assertThat(context).hasFailed());
	}

}
