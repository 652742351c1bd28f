package nl.schakel.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A broken policy file stops the start with a message naming the file and the line. */
class PolicyStartupTest {

	@TempDir
	Path policies;

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(PolicyConfiguration.class);

	@Test
	void shippedPolicyLoads() {
		this.context.withPropertyValues("schakel.policies.location=file:" + shipped())
			.run((started) -> assertThat(started).hasNotFailed().hasSingleBean(Policy.class));
	}

	@Test
	void unknownPurposeStopsTheStartNamingFileAndLine() throws IOException {
		copyShipped();
		Path accessPolicy = this.policies.resolve("access-policy.yaml");
		String yaml = Files.readString(accessPolicy);
		int line = lineOf(yaml, "purposes: [AUDIT, SUBJECT_ACCESS]");
		Files.writeString(accessPolicy, yaml.replace("purposes: [AUDIT, SUBJECT_ACCESS]", "purposes: [AUDIT, TRAIGE]"));

		this.context.withPropertyValues("schakel.policies.location=file:" + this.policies).run((started) -> {
			assertThat(started).hasFailed();
			Throwable failure = started.getStartupFailure();
			PolicyValidationException cause = find(failure);
			assertThat(cause.getMessage()).contains("access-policy.yaml:" + line + ":").contains("TRAIGE");
			FailureAnalysis analysis = new PolicyFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains("access-policy.yaml:" + line);
		});
	}

	@Test
	void malformedYamlStopsTheStart() throws IOException {
		copyShipped();
		Files.writeString(this.policies.resolve("roles.yaml"), "roles:\n  - code: [unclosed\n");
		this.context.withPropertyValues("schakel.policies.location=file:" + this.policies)
			.run((started) -> assertThat(find(started.getStartupFailure()).getMessage()).contains("roles.yaml:"));
	}

	private void copyShipped() throws IOException {
		for (String file : new String[] { "roles.yaml", "purposes.yaml", "access-policy.yaml" }) {
			Files.copy(shipped().resolve(file), this.policies.resolve(file));
		}
	}

	private static Path shipped() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("policies/access-policy.yaml"))) {
			dir = dir.getParent();
		}
		return dir.resolve("policies");
	}

	private static int lineOf(String text, String needle) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(needle)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(needle);
	}

	private static PolicyValidationException find(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof PolicyValidationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).isNotNull();
		return (PolicyValidationException) cause;
	}

}
