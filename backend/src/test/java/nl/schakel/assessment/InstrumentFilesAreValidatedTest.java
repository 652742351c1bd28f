package nl.schakel.assessment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The instrument and the catalogue are refused at start-up with file, line and what is
 * wrong.
 */
class InstrumentFilesAreValidatedTest {

	@Test
	void theShippedInstrumentAndCatalogueLoad() throws IOException {
		AssessmentInstrument instrument = new AssessmentInstrumentLoader()
			.load(Optional.of(Files.readAllBytes(Path.of("..", "policies", "assessment.yaml"))), "policies");
		assertThat(instrument.version()).startsWith("2026.1+");
		assertThat(instrument.domain("psychopathology").orElseThrow().ratedBy()).containsExactly("CARE");
		InterventionCatalogue catalogue = new InterventionCatalogueLoader(instrument)
			.load(Optional.of(Files.readAllBytes(Path.of("..", "policies", "interventions.yaml"))), "policies");
		assertThat(catalogue.followUpMonths()).containsExactly(3, 6, 12, 24);
	}

	@Test
	void anUnknownCategoryScaleOrRaterIsNamedWithItsLine() {
		String yaml = """
				version: "x"
				moments: [INTAKE]
				concern-levels:
				  - {code: LOW, label: {nl: Laag, en: Low}}
				scales:
				  - code: concern
				    kind: ordinal
				    anchors:
				      - {value: 0, label: {nl: Geen, en: None}}
				domains:
				  - code: d
				    label: {nl: D, en: D}
				    category: MEDICAL
				    rated-by: [CARE, POLICE]
				    items:
				      - {code: i, scale: nope, label: {nl: I, en: I}}
				""";
		assertThatThrownBy(() -> new AssessmentInstrumentLoader()
			.load(Optional.of(yaml.getBytes(StandardCharsets.UTF_8)), "memory")).isInstanceOf(InstrumentInvalid.class)
			.hasMessageContaining("assessment.yaml:13: unknown category 'MEDICAL'")
			.hasMessageContaining("assessment.yaml:14: unknown rated-by 'POLICE'")
			.hasMessageContaining("assessment.yaml:16: unknown scale 'nope'");
	}

	@Test
	void aTargetGroupMustNameValuesOfTheInstrumentsScales() throws IOException {
		AssessmentInstrument instrument = new AssessmentInstrumentLoader()
			.load(Optional.of(Files.readAllBytes(Path.of("..", "policies", "assessment.yaml"))), "policies");
		String yaml = """
				version: "x"
				follow-up-months: [3, 2]
				barriers:
				  - {code: DISTRUST, label: {nl: Wantrouwen, en: Distrust}}
				interventions:
				  - code: m
				    name: {nl: M, en: M}
				    provider-type: {nl: P, en: P}
				    delivered-by: CARE
				    working-elements: [COGNITIVE, MAGICAL]
				    target-group: {phases: [9]}
				    conditions: {minimum-duration-weeks: 4, trauma-sensitive: true, trust-building: false, family-or-community: false}
				""";
		assertThatThrownBy(() -> new InterventionCatalogueLoader(instrument)
			.load(Optional.of(yaml.getBytes(StandardCharsets.UTF_8)), "memory")).isInstanceOf(InstrumentInvalid.class)
			.hasMessageContaining("interventions.yaml:2: follow-up months go up")
			.hasMessageContaining("interventions.yaml:10: unknown working-elements 'MAGICAL'")
			.hasMessageContaining("interventions.yaml:11: 9 is not a value of the instrument's phase scale");
	}

}
