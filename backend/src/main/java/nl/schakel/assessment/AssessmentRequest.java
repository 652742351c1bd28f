package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.policy.LegalBasis;

/**
 * One organisation's contribution to an assessment at a moment: ratings of items of its
 * own domains, and — from the coordinator — the integrated judgement with a concern level
 * and its justification. The legal basis covers everything in it; without one it is the
 * safety house's public task.
 */
public record AssessmentRequest(String moment, List<Rating> ratings, String note, LegalBasis legalBasis, UUID consentId,
		String statutoryReference, String integratedJudgement, String concernLevel, String concernJustification,
		LicensedInstrument licensedInstrument) {

	/** One item rated on its scale, with a free-text justification. */
	public record Rating(String domain, String item, Integer score, String justification) {
	}

	/**
	 * A licensed instrument (VERA-2R, ERG22+, TRAP-18) administered elsewhere by a
	 * trained assessor: which, by whom, when and the overall level — never its items.
	 */
	public record LicensedInstrument(String name, String administeredBy, LocalDate administeredOn,
			String overallLevel) {
	}

}
