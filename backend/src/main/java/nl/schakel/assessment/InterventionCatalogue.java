package nl.schakel.assessment;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The intervention catalogue: its version, the follow-up schedule and the kinds of
 * barrier that can be recorded (from {@code policies/interventions.yaml}), and the
 * interventions, retired ones included. The one in force is read from
 * {@link CatalogueInForce#current()} (beheer edits it); the file read at start-up is only
 * the shipped default that fills an empty catalogue.
 */
public record InterventionCatalogue(String version, List<Integer> followUpMonths,
		List<AssessmentInstrument.Coded> barriers, List<Intervention> interventions) {

	/** The five families of working elements named by the research. */
	public static final List<String> WORKING_ELEMENTS = List.of("COGNITIVE", "PSYCHOSOCIAL", "BEHAVIOURAL",
			"SOCIAL_EDUCATIONAL", "SOCIETAL");

	/**
	 * One intervention. The target group names values of the instrument's age-group,
	 * phase and justice-status scales. A retired intervention is no longer offered for a
	 * new case; where it was chosen, it keeps its name.
	 */
	public record Intervention(String code, Label name, Label providerType, String deliveredBy,
			List<String> workingElements, TargetGroup targetGroup, Conditions conditions, boolean retired) {

		public Intervention(String code, Label name, Label providerType, String deliveredBy,
				List<String> workingElements, TargetGroup targetGroup, Conditions conditions) {
			this(code, name, providerType, deliveredBy, workingElements, targetGroup, conditions, false);
		}

	}

	public record TargetGroup(Set<Integer> ageGroups, Set<Integer> phases, Set<Integer> statuses) {
	}

	public record Conditions(int minimumDurationWeeks, boolean traumaSensitive, boolean trustBuilding,
			boolean familyOrCommunity) {
	}

	/** Any intervention of the catalogue, retired or not: for naming what was chosen. */
	public Optional<Intervention> intervention(String code) {
		return this.interventions.stream().filter((i) -> i.code().equals(code)).findFirst();
	}

	/** An intervention that may be chosen for a case now: not retired. */
	public Optional<Intervention> offered(String code) {
		return intervention(code).filter((i) -> !i.retired());
	}

	/** The interventions that may be chosen for a case now, in the catalogue's order. */
	public List<Intervention> offered() {
		return this.interventions.stream().filter((i) -> !i.retired()).toList();
	}

	public boolean barrier(String code) {
		return this.barriers.stream().anyMatch((b) -> b.code().equals(code));
	}

}
