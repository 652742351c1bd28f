package nl.schakel.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyFiles;
import nl.schakel.policy.PolicyLoader;
import nl.schakel.policy.PurposeBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * review-flags.yaml is validated at start-up; a broken one stops the start naming file
 * and line.
 */
class ReviewFlagsStartupTest {

	@TempDir
	Path policies;

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(Policy.class, () -> new PolicyLoader(PolicyFiles.directory(shipped())).load())
		.withBean(PurposeBinding.class)
		.withUserConfiguration(AuditConfiguration.class);

	@Test
	void shippedReviewFlagsLoad() {
		this.context.withPropertyValues("schakel.policies.location=file:" + shipped()).run((started) -> {
			assertThat(started).hasNotFailed();
			ReviewFlags flags = started.getBean(ReviewFlags.class);
			assertThat(flags.policyFlagFor("break-glass-read"))
				.hasValueSatisfying((flag) -> assertThat(flag.id()).isEqualTo("break-glass"));
			assertThat(flags.policyFlagFor("conflict-of-duties-disclosure-is-reviewed"))
				.hasValueSatisfying((flag) -> assertThat(flag.id()).isEqualTo("conflict-of-duties"));
			assertThat(flags.policyFlagFor("bulk-read-limit"))
				.hasValueSatisfying((flag) -> assertThat(flag.id()).isEqualTo("bulk-access"));
			assertThat(flags.policyFlagFor("some-future-rule"))
				.hasValueSatisfying((flag) -> assertThat(flag.id()).isEqualTo("flagged-by-policy"));
			assertThat(flags.showProfessionalNames()).isFalse();
			assertThat(flags.officeHours().contains(java.time.Instant.parse("2026-03-04T10:00:00Z"))).isTrue();
			assertThat(flags.officeHours().contains(java.time.Instant.parse("2026-03-04T22:00:00Z"))).isFalse();
			assertThat(flags.officeHours().contains(java.time.Instant.parse("2026-03-07T10:00:00Z"))).as("a Saturday")
				.isFalse();
		});
	}

	@Test
	void mistakesStopTheStartNamingEachLine() throws IOException {
		Files.writeString(this.policies.resolve("review-flags.yaml"), """
				version: "1"
				flags:
				  - id: burst
				    kind: denial-burts
				    description: x
				    due: P2D
				  - id: cod
				    kind: policy-flag
				    description: x
				    policy-rules: [conflict-of-dutys]
				    due: P2D
				  - id: cod
				    kind: many-persons
				    description: x
				    count: 1
				    window: P2D
				    due: soon
				""");
		this.context.withPropertyValues("schakel.policies.location=file:" + this.policies).run((started) -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause()
				.isInstanceOf(ReviewFlagsInvalid.class)
				.hasMessageContaining("review-flags.yaml:4: unknown kind 'denial-burts'")
				.hasMessageContaining("review-flags.yaml:10: unknown access-policy rule 'conflict-of-dutys'")
				.hasMessageContaining("review-flags.yaml:12: duplicate flag id 'cod'")
				.hasMessageContaining("review-flags.yaml:15: 'count' must be between 2 and 10000")
				.hasMessageContaining("review-flags.yaml:16: 'window' P2D must be more than zero and at most PT24H")
				.hasMessageContaining("review-flags.yaml:17: 'due' soon is not an ISO-8601 duration");
		});
	}

	@Test
	void malformedYamlOrAMissingFileStopsTheStart() throws IOException {
		this.context.withPropertyValues("schakel.policies.location=file:" + this.policies)
			.run((started) -> assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("review-flags.yaml: file not found"));
		Files.writeString(this.policies.resolve("review-flags.yaml"), "version: \"1\"\nflags:\n  - id: [unclosed\n");
		this.context.withPropertyValues("schakel.policies.location=file:" + this.policies)
			.run((started) -> assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("review-flags.yaml:")
				.hasMessageContaining("malformed YAML"));
	}

	static Path shipped() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("policies/access-policy.yaml"))) {
			dir = dir.getParent();
		}
		return dir.resolve("policies");
	}

}
