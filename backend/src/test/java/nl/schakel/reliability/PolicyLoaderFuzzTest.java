package nl.schakel.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import nl.schakel.policy.PolicyError;
import nl.schakel.policy.PolicyFiles;
import nl.schakel.policy.PolicyLoader;
import nl.schakel.policy.PolicyValidationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the policy loader: one of the three policy files (chosen by
 * the input's first byte) is replaced by the rest of the input, the other two are the
 * shipped ones. The loader either loads or throws {@link PolicyValidationException} whose
 * every problem names a policy file — never any other exception.
 *
 * <p>
 * In {@code ./mvnw verify} this replays the stored inputs under
 * {@code src/test/resources/nl/schakel/reliability/PolicyLoaderFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} ({@code .ci/fuzz.sh}) Jazzer fuzzes it, starting from those
 * inputs.
 */
class PolicyLoaderFuzzTest {

	static final List<String> FILES = List.of(PolicyLoader.ROLES_FILE, PolicyLoader.PURPOSES_FILE,
			PolicyLoader.ACCESS_POLICY_FILE);

	static final Map<String, byte[]> SHIPPED = shipped();

	@FuzzTest(maxDuration = "60s")
	void anyPolicyFileLoadsOrIsRefusedNamingFileAndLine(byte[] input) {
		Map<String, byte[]> files = new LinkedHashMap<>(SHIPPED);
		if (input.length > 0) {
			files.put(FILES.get(Byte.toUnsignedInt(input[0]) % FILES.size()),
					Arrays.copyOfRange(input, 1, input.length));
		}
		try {
			new PolicyLoader(PolicyFiles.of(files)).load();
		}
		catch (PolicyValidationException ex) {
			assertThat(ex.errors()).isNotEmpty().allSatisfy((PolicyError error) -> {
				assertThat(FILES).contains(error.file());
				assertThat(error.line()).isGreaterThanOrEqualTo(0);
				assertThat(error.problem()).isNotBlank();
			});
		}
	}

	/**
	 * The files under {@code policies/} at the project root (the tests run in
	 * {@code backend/}).
	 */
	static Map<String, byte[]> shipped() {
		Path directory = Files.isDirectory(Path.of("../policies")) ? Path.of("../policies") : Path.of("policies");
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String file : FILES) {
			try {
				files.put(file, Files.readAllBytes(directory.resolve(file)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return Map.copyOf(files);
	}

}
