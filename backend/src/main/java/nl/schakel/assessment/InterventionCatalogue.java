package nl.schakel.assessment;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The intervention catalogue in force ({@code policies/interventions.yaml}), with the
 * follow-up schedule and the kinds of barrier that can be recorded.
 */
public record InterventionCatalogue(String version, List<Integer> followUpMonths,
		List<AssessmentInstrument.Coded> barriers, List<Intervention> interventions) {

	/** The five families of working elements named by the research. */
	public static final List<String> WORKING_ELEMENTS = List.of("COGNITIVE", "PSYCHOSOCIAL", "BEHAVIOURAL",
			"SOCIAL_EDUCATIONAL", "SOCIETAL");

	/**
	 * One intervention. The target group names values of the instrument's age-group,
	 * phase and justice-status scales.
	 */
	public record Intervention(String code, Label name, Label providerType, String deliveredBy,
			List<String> workingElements, TargetGroup targetGroup, Conditions conditions) {
	}

	public record TargetGroup(Set<Integer> ageGroups, Set<Integer> phases, Set<Integer> statuses) {
	}

	public record Conditions(int minimumDurationWeeks, boolean traumaSensitive, boolean trustBuilding,
			boolean familyOrCommunity) {
	}

	public Optional<Intervention> intervention(String code) {
		return this.interventions.stream().filter((i) -> i.code().equals(code)).findFirst();
	}

	public boolean barrier(String code) {
		return this.barriers.stream().anyMatch((b) -> b.code().equals(code));
	}

}
