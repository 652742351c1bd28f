package nl.schakel.meeting;

import java.util.List;

import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;

/**
 * Minutes of one case as the coordinator writes them. The legal basis is the safety
 * house's public task unless a statute is named; without an audience, every participant
 * of the case is the audience (the policy still decides per category what each may read).
 */
public record NewMinutes(String text, DataCategory category, LegalBasis legalBasis, String statutoryReference,
		List<String> audienceOrganisations, List<String> audienceDomains) {

	@Override
	public String toString() {
		// minutes are case content: never in a log line
		return "NewMinutes[category=" + this.category + ", legalBasis=" + this.legalBasis + "]";
	}

}
