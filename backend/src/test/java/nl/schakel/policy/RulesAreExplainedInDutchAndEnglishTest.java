package nl.schakel.policy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A professional who asks "waarom zie ik dit niet?" reads the rule in their own language:
 * the shipped policy explains every rule in Dutch and English, and an explanation that
 * lacks a language stops the start naming file and line.
 */
class RulesAreExplainedInDutchAndEnglishTest {

	@Test
	void everyShippedRuleHasADutchAndAnEnglishExplanationApartFromItsDescription() {
		Policy shipped = new PolicyLoader(PolicyFiles.directory(TestPolicies.defaultPolicyDirectory())).load();

		assertThat(shipped.rules()).isNotEmpty().allSatisfy((rule) -> {
			assertThat(rule.explanationNl()).as(rule.id()).isNotBlank().isNotEqualTo(rule.description());
			assertThat(rule.explanationEn()).as(rule.id()).isNotBlank();
			assertThat(rule.explanationNl()).as(rule.id()).doesNotContain(rule.id());
		});
	}

	@Test
	void anExplanationWithoutItsDutchIsReportedWithFileAndLine() {
		String policy = """
				version: "test.1"
				rules:
				  - id: half-explained
				    description: Only English.
				    explanation:
				      en: Only English.
				    effect: deny
				""";

		List<String> errors = assertThatExceptionOfType(PolicyValidationException.class)
			.isThrownBy(() -> new PolicyLoader(TestPolicies.withAccessPolicy(policy)).load())
			.actual()
			.errors()
			.stream()
			.map(PolicyError::toString)
			.toList();
		assertThat(errors).singleElement().asString().isEqualTo("access-policy.yaml:6: missing 'nl'");
	}

	@Test
	void aRuleWithoutExplanationIsExplainedByItsDescription() {
		Policy loaded = new PolicyLoader(TestPolicies.withAccessPolicy("""
				version: "test.1"
				rules:
				  - id: plain
				    description: Plain words.
				    effect: deny
				""")).load();

		assertThat(loaded.rules().get(0).explanationNl()).isEqualTo("Plain words.");
	}

}
