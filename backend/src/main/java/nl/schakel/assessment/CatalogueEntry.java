package nl.schakel.assessment;

import java.util.List;

/**
 * An intervention as beheer writes it, in the form and in the API
 * ({@code POST /api/v1/interventions}, {@code PUT /api/v1/interventions/{code}}): the
 * shape of an entry of {@code GET /api/v1/interventions}. Anything may be missing or
 * wrong; {@link CatalogueEditing} names the field. Empty target-group lists mean any; a
 * missing condition flag means no.
 */
public record CatalogueEntry(String code, Label name, Label providerType, String deliveredBy,
		List<String> workingElements, TargetGroup targetGroup, Conditions conditions) {

	public record TargetGroup(List<Integer> ageGroups, List<Integer> phases, List<Integer> statuses) {
	}

	public record Conditions(Integer minimumDurationWeeks, Boolean traumaSensitive, Boolean trustBuilding,
			Boolean familyOrCommunity) {
	}

	/** The entry as it is written today, for the form. */
	static CatalogueEntry of(InterventionCatalogue.Intervention entry) {
		return new CatalogueEntry(entry.code(), entry.name(), entry.providerType(), entry.deliveredBy(),
				entry.workingElements(),
				new TargetGroup(List.of(CatalogueInForce.sorted(entry.targetGroup().ageGroups())),
						List.of(CatalogueInForce.sorted(entry.targetGroup().phases())),
						List.of(CatalogueInForce.sorted(entry.targetGroup().statuses()))),
				new Conditions(entry.conditions().minimumDurationWeeks(), entry.conditions().traumaSensitive(),
						entry.conditions().trustBuilding(), entry.conditions().familyOrCommunity()));
	}

}
