package nl.schakel.policy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static nl.schakel.policy.DataCategory.CRIMINAL;
import static nl.schakel.policy.DataCategory.GENERAL;
import static nl.schakel.policy.DataCategory.HEALTH;
import static nl.schakel.policy.LegalBasis.CONFLICT_OF_DUTIES;
import static nl.schakel.policy.LegalBasis.CONSENT;
import static nl.schakel.policy.LegalBasis.PUBLIC_TASK;
import static nl.schakel.policy.LegalBasis.STATUTORY;
import static nl.schakel.security.Role.ADMINISTRATOR;
import static nl.schakel.security.Role.AUDITOR;
import static nl.schakel.security.Role.CARE_PROFESSIONAL;
import static nl.schakel.security.Role.COORDINATOR;
import static nl.schakel.security.Role.JUSTICE_PROFESSIONAL;
import static nl.schakel.security.Role.MUNICIPAL_PROFESSIONAL;
import static org.assertj.core.api.Assertions.assertThat;

/** What the shipped policy lets a form offer each role. */
class PolicyOffersTest {

	private final PolicyOffers offers = new PolicyOffers(TestPolicies.defaultPolicy());

	@Test
	void partnersAreOfferedTheCaseworkPurposesAndTheCoordinatorAlsoAccountability() {
		assertThat(codes(this.offers.purposes(CARE_PROFESSIONAL))).containsExactly("TRIAGE", "CASE_CONSULTATION",
				"PLAN_EXECUTION", "MONITORING");
		assertThat(codes(this.offers.purposes(COORDINATOR))).containsExactly("TRIAGE", "CASE_CONSULTATION",
				"PLAN_EXECUTION", "MONITORING", "ACCOUNTABILITY");
		assertThat(this.offers.offersPurpose(JUSTICE_PROFESSIONAL, "ACCOUNTABILITY")).isFalse();
	}

	@Test
	void whoNeverSeesContentIsOfferedNoPurposeAndNothingToContribute() {
		for (var role : List.of(AUDITOR, ADMINISTRATOR)) {
			assertThat(this.offers.purposes(role)).isEmpty();
			assertThat(this.offers.categories(role)).isEmpty();
			assertThat(this.offers.bases(role)).isEmpty();
		}
		assertThat(this.offers.purposes(null)).isEmpty();
	}

	@Test
	void careAndMunicipalWorkersContributeNoCriminalDataJusticeAndTheCoordinatorDo() {
		assertThat(this.offers.categories(CARE_PROFESSIONAL)).doesNotContain(CRIMINAL).contains(HEALTH, GENERAL);
		assertThat(this.offers.categories(MUNICIPAL_PROFESSIONAL)).doesNotContain(CRIMINAL).contains(HEALTH);
		assertThat(this.offers.categories(JUSTICE_PROFESSIONAL)).contains(CRIMINAL, HEALTH);
		assertThat(this.offers.categories(COORDINATOR)).contains(CRIMINAL);
	}

	@Test
	void healthInformationOutsideCareIsContributedOnlyOnConsentOrAConflictOfDuties() {
		assertThat(this.offers.bases(CARE_PROFESSIONAL, HEALTH)).containsExactlyInAnyOrder(CONSENT, STATUTORY,
				CONFLICT_OF_DUTIES, PUBLIC_TASK);
		assertThat(this.offers.bases(MUNICIPAL_PROFESSIONAL, HEALTH)).containsExactlyInAnyOrder(CONSENT,
				CONFLICT_OF_DUTIES);
		assertThat(this.offers.mayContribute(JUSTICE_PROFESSIONAL, HEALTH, PUBLIC_TASK)).isFalse();
		assertThat(this.offers.mayContribute(JUSTICE_PROFESSIONAL, HEALTH, CONSENT)).isTrue();
	}

	@Test
	void theCoordinatorContributesCriminalDataOnlyOnAStatutoryBasis() {
		assertThat(this.offers.bases(COORDINATOR, CRIMINAL)).containsExactly(STATUTORY);
		assertThat(this.offers.bases(JUSTICE_PROFESSIONAL, CRIMINAL)).containsExactlyInAnyOrder(CONSENT, STATUTORY,
				CONFLICT_OF_DUTIES, PUBLIC_TASK);
	}

	@Test
	void aConsentIsOfferedForThePurposesItCanOpenNeverForAuditOrSubjectAccess() {
		assertThat(codes(this.offers.consentPurposes())).contains("CASE_CONSULTATION")
			.doesNotContain("AUDIT", "SUBJECT_ACCESS");
	}

	private static List<String> codes(List<PurposeDefinition> purposes) {
		return purposes.stream().map((p) -> p.purpose().code()).toList();
	}

}
