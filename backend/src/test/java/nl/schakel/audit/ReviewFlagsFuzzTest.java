package nl.schakel.audit;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.code_intelligence.jazzer.junit.FuzzTest;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyError;
import nl.schakel.policy.PolicyFiles;
import nl.schakel.policy.PolicyLoader;
import nl.schakel.policy.PolicyRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the review-flags loader (a file an officer edits by hand
 * must never crash the start; the other targets are in {@code nl.schakel.reliability},
 * this one sits here because the loader is package-private): any
 * {@code review-flags.yaml} either loads or is refused with {@link ReviewFlagsInvalid}
 * whose every problem names the file — never any other exception, which would stop the
 * start with a stack trace instead of the line to fix. Regression inputs live under
 * {@code src/test/resources/nl/schakel/audit/ReviewFlagsFuzzTestInputs/}.
 */
class ReviewFlagsFuzzTest {

	private static final Policy POLICY = new PolicyLoader(PolicyFiles.directory(java.nio.file.Path
		.of(java.nio.file.Files.isDirectory(java.nio.file.Path.of("../policies")) ? "../policies" : "policies")))
		.load();

	private static final Set<String> RULES = POLICY.rules().stream().map(PolicyRule::id).collect(Collectors.toSet());

	@FuzzTest(maxDuration = "30s")
	void anyReviewFlagsFileLoadsOrIsRefusedNamingFileAndLine(byte[] input) {
		try {
			new ReviewFlagsLoader(RULES).load(Optional.of(input), "memory");
		}
		catch (ReviewFlagsInvalid ex) {
			assertThat(ex.errors()).isNotEmpty().allSatisfy((PolicyError error) -> {
				assertThat(error.file()).isEqualTo(ReviewFlagsLoader.FILE);
				assertThat(error.line()).isGreaterThanOrEqualTo(0);
				assertThat(error.problem()).isNotBlank();
			});
		}
	}

}
