package nl.schakel.policy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A policy that is wrong stops the start, and the message names the file and the line.
 */
class PolicyLoaderTest {

	@Test
	void unknownRoleIsReportedWithFileAndLine() {
		String policy = """
				version: "test.1"
				rules:
				  - id: police-reads
				    description: Police reads.
				    roles: [justice-professional, police]
				    effect: permit
				""";

		assertThat(errorsOf(policy)).containsExactly("access-policy.yaml:5: unknown role 'police' (known: coordinator, "
				+ "care-professional, justice-professional, municipal-professional, auditor, administrator)");
	}

	@Test
	void unknownRoleInRolesFileIsReportedWithFileAndLine() {
		String roles = TestPolicies.ROLES + "  - { code: mayor, label: { nl: Burgemeester, en: Mayor } }\n";

		assertThat(errorsOf(TestPolicies.files(roles, TestPolicies.PURPOSES, TestPolicies.ACCESS_POLICY)))
			.singleElement()
			.asString()
			.startsWith("roles.yaml:8: unknown role 'mayor'");
	}

	@Test
	void roleMissingFromRolesFileIsReported() {
		String roles = TestPolicies.ROLES
			.replace("  - { code: administrator, label: { nl: Beheerder, en: Administrator } }\n", "");

		assertThat(errorsOf(TestPolicies.files(roles, TestPolicies.PURPOSES, TestPolicies.ACCESS_POLICY)))
			.containsExactly("roles.yaml:2: role 'administrator' is not described; every role needs a label");
	}

	@Test
	void unknownPurposeIsReportedWithFileAndLine() {
		String policy = """
				version: "test.1"
				rules:
				  - id: triage
				    description: Triage.
				    purposes:
				      - CASE_CONSULTATION
				      - TRAIGE
				    effect: permit
				""";

		assertThat(errorsOf(policy))
			.containsExactly("access-policy.yaml:7: unknown purpose 'TRAIGE' (known: TRIAGE, CASE_CONSULTATION)");
	}

	@Test
	void unknownCategoryIsReportedWithFileAndLine() {
		String policy = """
				version: "test.1"
				rules:
				  - id: medical
				    description: Medical.
				    categories: [MEDICAL]
				    effect: permit
				""";

		assertThat(errorsOf(policy)).containsExactly(
				"access-policy.yaml:5: unknown category 'MEDICAL' (known: GENERAL, IDENTITY, SOCIAL, HEALTH, CRIMINAL, RISK)");
	}

	@Test
	void duplicateRuleIdIsReportedWithBothLines() {
		String policy = """
				version: "test.1"
				rules:
				  - id: same
				    description: First.
				    effect: deny
				  - id: same
				    description: Second.
				    effect: permit
				""";

		assertThat(errorsOf(policy))
			.containsExactly("access-policy.yaml:6: duplicate rule id 'same' (first used on line 3)");
	}

	@Test
	void missingEffectIsReportedAtTheStartOfTheRule() {
		String policy = """
				version: "test.1"
				rules:
				  - id: fine
				    description: Fine.
				    effect: deny

				  - id: no-effect
				    description: Forgot the effect.
				    roles: [coordinator]
				""";

		assertThat(errorsOf(policy)).containsExactly("access-policy.yaml:7: missing 'effect'");
	}

	@Test
	void malformedYamlIsReportedWithTheLineOfTheProblem() {
		String policy = """
				version: "test.1"
				rules:
				  - id: broken
				    description: Broken.
				    roles: [coordinator
				    effect: deny
				""";

		assertThat(errorsOf(policy)).singleElement()
			.asString()
			.matches("access-policy\\.yaml:\\d+: malformed YAML: .*")
			.startsWith("access-policy.yaml:6:");
	}

	@Test
	void tabIndentationIsReportedAsMalformedYaml() {
		String policy = "version: \"test.1\"\nrules:\n\t- id: tabbed\n";

		assertThat(errorsOf(policy)).singleElement().asString().startsWith("access-policy.yaml:3: malformed YAML:");
	}

	@Test
	void unknownKeyIsReportedWithFileAndLine() {
		String policy = """
				version: "test.1"
				rules:
				  - id: typo
				    description: Typo in a key.
				    role: [coordinator]
				    effect: deny
				""";

		assertThat(errorsOf(policy)).singleElement()
			.asString()
			.startsWith("access-policy.yaml:5: unknown key 'role' in a rule");
	}

	@Test
	void aBreakGlassLimitThatIsNoPositiveNumberAndAnUnknownKnownToPurposeAreReportedWithTheirLines() {
		String policy = """
				version: "test.1"
				break-glass:
				  roles: [coordinator]
				  duration: PT4H
				  max-openings-per-day: 0
				known-to:
				  purposes: [TRIAGE, GOSSIP]
				rules:
				  - id: nothing
				    description: Nothing.
				    effect: deny
				""";

		assertThat(errorsOf(policy)).hasSize(2)
			.first()
			.asString()
			.startsWith("access-policy.yaml:5: break-glass max-openings-per-day 0 must be from 1 to 100");
		assertThat(errorsOf(policy).get(1)).asString().startsWith("access-policy.yaml:7: unknown purpose 'GOSSIP'");
	}

	@Test
	void wrongTypesAreReported() {
		String policy = """
				version: "test.1"
				rules:
				  - id: wrong-types
				    description: [not, a, sentence]
				    roles: coordinator
				    bases: []
				    effect: [permit]
				""";

		assertThat(errorsOf(policy)).containsExactly(
				"access-policy.yaml:4: 'description' must be a single value, not a list or a map",
				"access-policy.yaml:5: 'roles' must be a list, e.g. roles: [care-professional]",
				"access-policy.yaml:6: 'bases' is an empty list; leave 'bases' out to match any value",
				"access-policy.yaml:7: 'effect' must be a single value, not a list or a map");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		String policy = """
				version: "test.1"
				break-glass:
				  roles: [coordinator]
				  duration: 4 hours
				rules:
				  - id: Not_An_Id
				    description: Bad id.
				    effect: maybe
				    obligations: [notify-mayor]
				""";

		PolicyValidationException exception = loadFailure(TestPolicies.withAccessPolicy(policy));

		assertThat(exception.errors()).extracting(PolicyError::toString)
			.containsExactly(
					"access-policy.yaml:4: break-glass duration '4 hours' is not an ISO-8601 duration such as PT4H",
					"access-policy.yaml:6: rule id 'Not_An_Id' must be lower-case words joined by '-', e.g. health-with-consent",
					"access-policy.yaml:8: unknown effect 'maybe' (known: permit, deny, existence-only)",
					"access-policy.yaml:9: unknown obligation 'notify-mayor' (known: record, flag-for-review)");
		assertThat(exception.getMessage()).startsWith("The access policy is invalid (4 problems):")
			.contains("access-policy.yaml:8: unknown effect 'maybe'");
	}

	@Test
	void missingFileIsReported() {
		Map<String, byte[]> files = new HashMap<>();
		files.put(PolicyLoader.ROLES_FILE, TestPolicies.ROLES.getBytes(StandardCharsets.UTF_8));
		files.put(PolicyLoader.PURPOSES_FILE, TestPolicies.PURPOSES.getBytes(StandardCharsets.UTF_8));

		assertThat(errorsOf(PolicyFiles.of(files))).containsExactly("access-policy.yaml: file not found in memory");
	}

	@Test
	void spellingOfValuesIsForgivingAboutCaseAndDashes() {
		String policy = """
				version: "test.1"
				rules:
				  - id: forgiving
				    description: Written loosely.
				    roles: [Care_Professional]
				    categories: [health]
				    audience: [IN_AUDIENCE]
				    effect: Existence_Only
				""";

		Policy loaded = new PolicyLoader(TestPolicies.withAccessPolicy(policy)).load();

		assertThat(loaded.rules().get(0).roles()).containsExactly(nl.schakel.security.Role.CARE_PROFESSIONAL);
		assertThat(loaded.rules().get(0).effect()).isEqualTo(Decision.EXISTENCE_ONLY);
	}

	@Test
	void versionChangesWhenAFileChangesByOneByte() {
		Policy original = new PolicyLoader(TestPolicies.withAccessPolicy(TestPolicies.ACCESS_POLICY)).load();
		Policy same = new PolicyLoader(TestPolicies.withAccessPolicy(TestPolicies.ACCESS_POLICY)).load();
		Policy commented = new PolicyLoader(TestPolicies.withAccessPolicy(TestPolicies.ACCESS_POLICY + "#\n")).load();
		Policy relabelled = new PolicyLoader(TestPolicies.files(TestPolicies.ROLES.replace("Gemeente", "Gemeentx"),
				TestPolicies.PURPOSES, TestPolicies.ACCESS_POLICY))
			.load();

		assertThat(original.version().value()).matches("test\\.1\\+[0-9a-f]{12}");
		assertThat(same.version()).isEqualTo(original.version());
		assertThat(commented.version().declared()).isEqualTo("test.1");
		assertThat(commented.version()).isNotEqualTo(original.version());
		assertThat(relabelled.version()).isNotEqualTo(original.version());
	}

	@Test
	void loadsFromADirectoryAndFromTheClasspath(@TempDir Path root) throws IOException {
		Path policies = Files.createDirectories(root.resolve("policies"));
		for (String file : PolicyLoader.FILES) {
			Files.copy(TestPolicies.defaultPolicyDirectory().resolve(file), policies.resolve(file));
		}
		Policy fromDirectory = new PolicyLoader(PolicyFiles.at("file:" + policies, getClass().getClassLoader())).load();
		Policy fromClasspath;
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { root.toUri().toURL() }, null)) {
			fromClasspath = new PolicyLoader(PolicyFiles.at("classpath:policies/", classLoader)).load();
		}

		assertThat(fromClasspath.version()).isEqualTo(fromDirectory.version())
			.isEqualTo(TestPolicies.defaultPolicy().version());
	}

	private static java.util.List<String> errorsOf(String accessPolicy) {
		return errorsOf(TestPolicies.withAccessPolicy(accessPolicy));
	}

	private static java.util.List<String> errorsOf(PolicyFiles files) {
		return loadFailure(files).errors().stream().map(PolicyError::toString).toList();
	}

	private static PolicyValidationException loadFailure(PolicyFiles files) {
		PolicyLoader loader = new PolicyLoader(files);
		return assertThatExceptionOfType(PolicyValidationException.class).isThrownBy(loader::load).actual();
	}

}
