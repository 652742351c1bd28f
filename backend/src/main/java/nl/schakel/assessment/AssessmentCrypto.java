package nl.schakel.assessment;

import nl.schakel.crypto.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the sealed columns of assessments and interventions for key rotation. */
@Configuration(proxyBeanMethods = false)
class AssessmentCrypto {

	@Bean
	SealedColumn sealedAssessmentRatings() {
		return new SealedColumn(AssessmentRating.TABLE, "id", AssessmentRating.CONTENT_COLUMN);
	}

	@Bean
	SealedColumn sealedInterventionDetails() {
		return new SealedColumn(CaseIntervention.TABLE, "id", CaseIntervention.DETAILS_COLUMN);
	}

	@Bean
	SealedColumn sealedInterventionOutcome() {
		return new SealedColumn(CaseIntervention.TABLE, "id", CaseIntervention.OUTCOME_COLUMN);
	}

	@Bean
	SealedColumn sealedBarrierResponse() {
		return new SealedColumn(InterventionBarrier.TABLE, "id", InterventionBarrier.RESPONSE_COLUMN);
	}

}
