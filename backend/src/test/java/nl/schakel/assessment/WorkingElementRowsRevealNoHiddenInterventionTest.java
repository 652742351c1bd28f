package nl.schakel.assessment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A working element's row sums interventions; were it shown while one of them is hidden,
 * its difference with the shown rows would reveal the hidden intervention's handful of
 * cases.
 */
class WorkingElementRowsRevealNoHiddenInterventionTest {

	static final List<InterventionCatalogue.Intervention> CATALOGUE = List.of(
			intervention("mentoring", "SOCIAL_EDUCATIONAL", "PSYCHOSOCIAL"),
			intervention("digital-resilience", "COGNITIVE", "SOCIAL_EDUCATIONAL"),
			intervention("family-support", "PSYCHOSOCIAL"));

	@Test
	void anElementIsHiddenWhenOneOfItsInterventionsIsHiddenEvenIfTheSumReachesTheThreshold() {
		// 12 mentoring (shown) + 3 digital resilience (hidden) = 15: showing 15 would
		// reveal the 3
		List<Evaluation.ElementRow> rows = Evaluation.elementRows(CATALOGUE,
				Map.of("mentoring", new long[] { 12, 0, 0, 12 }, "digital-resilience", new long[] { 3, 1, 0, 2 }));
		assertThat(row(rows, "SOCIAL_EDUCATIONAL").suppressed()).isTrue();
		assertThat(row(rows, "SOCIAL_EDUCATIONAL").deployments()).isNull();
		assertThat(row(rows, "COGNITIVE").suppressed()).isTrue();
	}

	@Test
	void anElementOfShownInterventionsIsTheirSumAndItsPartsOnlyWhenEveryInterventionShowsItsParts() {
		List<Evaluation.ElementRow> rows = Evaluation.elementRows(CATALOGUE,
				Map.of("mentoring", new long[] { 30, 10, 10, 10 }, "family-support", new long[] { 12, 2, 0, 10 }));
		Evaluation.ElementRow psychosocial = row(rows, "PSYCHOSOCIAL");
		assertThat(psychosocial.suppressed()).isFalse();
		assertThat(psychosocial.deployments()).isEqualTo(42);
		// family support hides its parts (2 completed), so the sum may not show them
		// either
		assertThat(psychosocial.completed()).isNull();
		assertThat(psychosocial.ongoing()).isNull();
		Evaluation.ElementRow social = row(rows, "SOCIAL_EDUCATIONAL");
		assertThat(social.deployments()).isEqualTo(30);
		assertThat(List.of(social.completed(), social.stoppedEarly(), social.ongoing())).containsExactly(10L, 10L, 10L);
	}

	@Test
	void anElementNoInterventionCarriesShowsNoFigures() {
		List<Evaluation.ElementRow> rows = Evaluation.elementRows(CATALOGUE, Map.of());
		assertThat(rows).hasSize(InterventionCatalogue.WORKING_ELEMENTS.size())
			.allSatisfy((r) -> assertThat(r.suppressed()).isTrue());
	}

	private static Evaluation.ElementRow row(List<Evaluation.ElementRow> rows, String element) {
		return rows.stream().filter((r) -> r.element().equals(element)).findFirst().orElseThrow();
	}

	private static InterventionCatalogue.Intervention intervention(String code, String... elements) {
		return new InterventionCatalogue.Intervention(code, new Label(code, code), new Label("p", "p"), "MUNICIPAL",
				List.of(elements), new InterventionCatalogue.TargetGroup(Set.of(), Set.of(), Set.of()),
				new InterventionCatalogue.Conditions(1, false, false, false));
	}

}
