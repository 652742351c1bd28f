package nl.schakel.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import nl.schakel.crypto.FieldBinding;
import nl.schakel.crypto.FieldCipher;
import nl.schakel.crypto.Keysets;
import org.jasypt.encryption.pbe.StandardPBEStringEncryptor;
import org.jasypt.iv.RandomIvGenerator;
import org.jasypt.salt.RandomSaltGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What field encryption costs: opening (and sealing) a 1 kB contribution text with the
 * real {@link FieldCipher} (Tink AES-256-GCM, freshly generated keysets, the row binding
 * as associated data), against Jasypt's password-based string encryptor on the same text
 * with the algorithm and iteration count jasypt-spring-boot uses for {@code ENC(...)}
 * values (PBEWITHHMACSHA512ANDAES_256, 1000 iterations, random salt and IV). Jasypt
 * derives a key per call, which is why it must stay out of every per-row path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class FieldCipherBenchmark {

	private FieldCipher cipher;

	private FieldBinding binding;

	private String text;

	private byte[] sealed;

	private StandardPBEStringEncryptor jasypt;

	private String jasyptSealed;

	@Setup
	public void setUp() throws IOException {
		Path keys = Files.createTempDirectory("schakel-bench-keys");
		this.cipher = new FieldCipher(Keysets.loadOrGenerate(keys));
		this.binding = new FieldBinding("contribution", "content_ciphertext", UUID.randomUUID());
		this.text = text1k();
		this.sealed = this.cipher.seal(this.text, this.binding);
		this.jasypt = new StandardPBEStringEncryptor();
		this.jasypt.setPassword("benchmark-master-password");
		this.jasypt.setAlgorithm("PBEWITHHMACSHA512ANDAES_256");
		this.jasypt.setKeyObtentionIterations(1000);
		this.jasypt.setSaltGenerator(new RandomSaltGenerator());
		this.jasypt.setIvGenerator(new RandomIvGenerator());
		this.jasypt.setStringOutputType("base64");
		this.jasyptSealed = this.jasypt.encrypt(this.text);
		if (!this.text.equals(this.cipher.open(this.sealed, this.binding))
				|| !this.text.equals(this.jasypt.decrypt(this.jasyptSealed))) {
			throw new IllegalStateException("round trip failed");
		}
	}

	@Benchmark
	public String tinkOpen() {
		return this.cipher.open(this.sealed, this.binding);
	}

	@Benchmark
	public byte[] tinkSeal() {
		return this.cipher.seal(this.text, this.binding);
	}

	@Benchmark
	public String jasyptDecrypt() {
		return this.jasypt.decrypt(this.jasyptSealed);
	}

	/** 1024 UTF-8 bytes of plausible Dutch contribution text. */
	static String text1k() {
		String sentence = "Betrokkene is op 12 maart door de wijkagent aangetroffen in verwarde toestand; "
				+ "huisarts en GGZ zijn geïnformeerd, vervolgafspraak staat gepland. ";
		StringBuilder builder = new StringBuilder();
		while (builder.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 1024) {
			builder.append(sentence);
		}
		String text = builder.toString();
		while (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1024) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

}
