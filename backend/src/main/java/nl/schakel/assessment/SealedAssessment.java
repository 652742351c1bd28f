package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.List;

/** What an assessment entry holds once unsealed (stored as sealed JSON). */
record SealedAssessment(List<Score> ratings, String note, String integratedJudgement, String concernLevel,
		String concernJustification, String instrumentName, String administeredBy, LocalDate administeredOn,
		String overallLevel) {

	record Score(String item, int score, String justification) {
	}

}
