package nl.schakel.register;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import nl.schakel.policy.PolicyValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The register files are checked at start-up like the access policy: each problem named
 * with file and line.
 */
class RegisterFilesTest {

	@Test
	void aDataCategoryWithoutARegisterEntryStopsStartUp() {
		String register = """
				version: "1"
				controller: de gemeente
				data-subjects: betrokkenen
				categories:
				  - category: GENERAL
				    description: algemeen
				measures:
				  - measure: log
				    where: docs/audit.md
				""";
		assertThatExceptionOfType(PolicyValidationException.class)
			.isThrownBy(
					() -> new RegisterFiles().register(Optional.of(register.getBytes(StandardCharsets.UTF_8)), "test"))
			.satisfies((ex) -> assertThat(ex.errors().toString()).contains("register.yaml:5")
				.contains("data category HEALTH of the access policy has no entry here"));
	}

	@Test
	void aPeriodThatIsNoPeriodOrAnUnknownOutcomeIsNamedWithItsLine() {
		String retention = """
				version: "1"
				periods:
				  - id: a
				    outcome: closed-after-lunch
				    period: two years
				    from: closure
				    source: convenant
				log:
				  period: P5Y
				  source: NEN 7513
				""";
		assertThatExceptionOfType(PolicyValidationException.class).isThrownBy(
				() -> new RegisterFiles().retention(Optional.of(retention.getBytes(StandardCharsets.UTF_8)), "test"))
			.satisfies((ex) -> assertThat(ex.errors().toString())
				.contains("retention.yaml:4: unknown value 'closed-after-lunch'")
				.contains("retention.yaml:5: 'period' must be an ISO-8601 period"));
	}

	@Test
	void aCategorysOwnPeriodWithAnUnknownCategoryABadPeriodOrNoSourceIsNamedWithItsLine() {
		String retention = """
				version: "1"
				periods:
				  - id: health-early
				    outcome: any
				    categories: [HEALTHY]
				    period: P0Y
				    from: closure
				  - id: whole
				    outcome: any
				    period: P2Y
				    from: closure
				    source: convenant
				log:
				  period: P5Y
				  source: NEN 7513
				""";
		assertThatExceptionOfType(PolicyValidationException.class).isThrownBy(
				() -> new RegisterFiles().retention(Optional.of(retention.getBytes(StandardCharsets.UTF_8)), "test"))
			.satisfies((ex) -> assertThat(ex.errors().toString())
				.contains("retention.yaml:5: unknown data category 'HEALTHY'")
				.contains("retention.yaml:6: 'period' must be longer than zero")
				.containsPattern("retention\\.yaml:3: .*source"));
	}

	@Test
	void theShippedFilesAreValid() throws Exception {
		var files = nl.schakel.policy.PolicyFiles.directory(java.nio.file.Path.of("../policies"));
		RegisterFiles reader = new RegisterFiles();
		assertThat(reader.retention(files.read(RegisterFiles.RETENTION), "policies").periods()).isNotEmpty();
		assertThat(reader.register(files.read(RegisterFiles.REGISTER), "policies").categories())
			.hasSize(nl.schakel.policy.DataCategory.values().length);
	}

}
