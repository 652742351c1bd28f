package nl.schakel.policy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.schakel.organisation.Domain;
import nl.schakel.security.Role;

import static nl.schakel.policy.AudienceRelation.AUTHOR_ORGANISATION;
import static nl.schakel.policy.AudienceRelation.IN_AUDIENCE;
import static nl.schakel.policy.AudienceRelation.OUTSIDE_AUDIENCE;
import static nl.schakel.policy.DataCategory.CRIMINAL;
import static nl.schakel.policy.DataCategory.HEALTH;
import static nl.schakel.policy.DataCategory.SOCIAL;
import static nl.schakel.policy.Participation.BREAK_GLASS;
import static nl.schakel.policy.Participation.NOT_PARTICIPANT;
import static nl.schakel.policy.Participation.PARTICIPANT;
import static nl.schakel.security.Role.ADMINISTRATOR;
import static nl.schakel.security.Role.AUDITOR;
import static nl.schakel.security.Role.CARE_PROFESSIONAL;
import static nl.schakel.security.Role.COORDINATOR;
import static nl.schakel.security.Role.JUSTICE_PROFESSIONAL;
import static nl.schakel.security.Role.MUNICIPAL_PROFESSIONAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stories the shipped policy in {@code policies/} must tell. When the privacy officer
 * changes what the policy means, these change with it.
 */
class DefaultPolicyTest {

	private final Policy policy = TestPolicies.defaultPolicy();

	private final Purpose consultation = this.policy.purpose("CASE_CONSULTATION").orElseThrow();

	@Test
	void healthInformationIsHiddenFromPoliceWithoutConsent() {
		for (EffectiveBasis basis : new EffectiveBasis[] { EffectiveBasis.STATUTORY, EffectiveBasis.PUBLIC_TASK,
				EffectiveBasis.NONE }) {
			PolicyDecision decision = decide(JUSTICE_PROFESSIONAL, HEALTH, basis, IN_AUDIENCE, PARTICIPANT);
			assertThat(decision.effect()).as("basis %s", basis).isEqualTo(Decision.EXISTENCE_ONLY);
		}
	}

	@Test
	void healthInformationReachesPoliceWithConsent() {
		PolicyDecision decision = decide(JUSTICE_PROFESSIONAL, HEALTH, EffectiveBasis.CONSENT, IN_AUDIENCE,
				PARTICIPANT);

		assertThat(decision.effect()).isEqualTo(Decision.PERMIT);
		assertThat(decision.ruleId()).isEqualTo("health-with-consent");
		assertThat(decision.requiresReview()).isFalse();
	}

	@Test
	void withdrawnConsentStopsDisclosureEvenToCare() {
		EffectiveBasis withdrawn = EffectiveBasis.of(LegalBasis.CONSENT, false);

		PolicyDecision decision = decide(CARE_PROFESSIONAL, HEALTH, withdrawn, IN_AUDIENCE, PARTICIPANT);

		assertThat(decision.effect()).isEqualTo(Decision.EXISTENCE_ONLY);
		assertThat(decision.ruleId()).isEqualTo("no-valid-basis-existence-only");
	}

	@Test
	void healthInformationReachesCareProfessionalsInTheAudience() {
		assertThat(decide(CARE_PROFESSIONAL, HEALTH, EffectiveBasis.STATUTORY, IN_AUDIENCE, PARTICIPANT).effect())
			.isEqualTo(Decision.PERMIT);
	}

	@Test
	void criminalDataReachesCoordinatorOnStatutoryBasis() {
		assertThat(decide(COORDINATOR, CRIMINAL, EffectiveBasis.STATUTORY, IN_AUDIENCE, PARTICIPANT).effect())
			.isEqualTo(Decision.PERMIT);
		assertThat(decide(COORDINATOR, CRIMINAL, EffectiveBasis.CONSENT, IN_AUDIENCE, PARTICIPANT).effect())
			.isEqualTo(Decision.EXISTENCE_ONLY);
		assertThat(
				decide(MUNICIPAL_PROFESSIONAL, CRIMINAL, EffectiveBasis.STATUTORY, IN_AUDIENCE, PARTICIPANT).effect())
			.isEqualTo(Decision.EXISTENCE_ONLY);
		assertThat(
				decide(JUSTICE_PROFESSIONAL, CRIMINAL, EffectiveBasis.PUBLIC_TASK, IN_AUDIENCE, PARTICIPANT).effect())
			.isEqualTo(Decision.PERMIT);
	}

	@Test
	void auditorNeverSeesContent() {
		assertNoContentForAnyRequestOf(AUDITOR, "auditor-never-sees-content");
	}

	@Test
	void administratorSeesNoCaseData() {
		assertNoContentForAnyRequestOf(ADMINISTRATOR, "administrator-sees-no-case-data");
	}

	@Test
	void nonParticipantLearnsNothing() {
		for (Role role : new Role[] { COORDINATOR, CARE_PROFESSIONAL, JUSTICE_PROFESSIONAL, MUNICIPAL_PROFESSIONAL }) {
			for (AudienceRelation audience : AudienceRelation.values()) {
				PolicyDecision decision = decide(role, SOCIAL, EffectiveBasis.CONSENT, audience, NOT_PARTICIPANT);
				assertThat(decision.effect()).as("%s %s", role, audience).isEqualTo(Decision.DENY);
				assertThat(decision.ruleId()).isEqualTo("non-participant-learns-nothing");
			}
		}
	}

	@Test
	void breakGlassReadIsPermittedAndFlagged() {
		PolicyDecision decision = decide(COORDINATOR, HEALTH, EffectiveBasis.NONE, OUTSIDE_AUDIENCE, BREAK_GLASS);

		assertThat(decision.effect()).isEqualTo(Decision.PERMIT);
		assertThat(decision.ruleId()).isEqualTo("break-glass-read");
		assertThat(decision.obligations()).containsExactly(Obligation.RECORD, Obligation.FLAG_FOR_REVIEW);
	}

	@Test
	void breakGlassByARoleThePolicyDoesNotNameCountsAsNonParticipation() {
		PolicyDecision decision = decide(MUNICIPAL_PROFESSIONAL, SOCIAL, EffectiveBasis.CONSENT, IN_AUDIENCE,
				BREAK_GLASS);

		assertThat(decision.effect()).isEqualTo(Decision.DENY);
		assertThat(decision.ruleId()).isEqualTo("non-participant-learns-nothing");
	}

	@Test
	void conflictOfDutiesDisclosureIsFlagged() {
		PolicyDecision health = decide(JUSTICE_PROFESSIONAL, HEALTH, EffectiveBasis.CONFLICT_OF_DUTIES, IN_AUDIENCE,
				PARTICIPANT);
		PolicyDecision criminal = decide(JUSTICE_PROFESSIONAL, CRIMINAL, EffectiveBasis.CONFLICT_OF_DUTIES, IN_AUDIENCE,
				PARTICIPANT);

		assertThat(health.effect()).isEqualTo(Decision.PERMIT);
		assertThat(health.requiresReview()).isTrue();
		assertThat(criminal.effect()).isEqualTo(Decision.PERMIT);
		assertThat(criminal.requiresReview()).isTrue();
	}

	@Test
	void ownOrganisationsItemsAreShownToItsParticipants() {
		assertThat(
				decide(MUNICIPAL_PROFESSIONAL, HEALTH, EffectiveBasis.NONE, AUTHOR_ORGANISATION, PARTICIPANT).effect())
			.isEqualTo(Decision.PERMIT);
	}

	@Test
	void participantOutsideTheAudienceLearnsOnlyThatTheItemExists() {
		assertThat(decide(CARE_PROFESSIONAL, SOCIAL, EffectiveBasis.STATUTORY, OUTSIDE_AUDIENCE, PARTICIPANT).effect())
			.isEqualTo(Decision.EXISTENCE_ONLY);
	}

	@Test
	void sharedInformationReachesTheAudienceOnAnyValidBasis() {
		for (EffectiveBasis basis : new EffectiveBasis[] { EffectiveBasis.CONSENT, EffectiveBasis.STATUTORY,
				EffectiveBasis.PUBLIC_TASK }) {
			assertThat(decide(MUNICIPAL_PROFESSIONAL, SOCIAL, basis, IN_AUDIENCE, PARTICIPANT).effect())
				.isEqualTo(Decision.PERMIT);
		}
	}

	@Test
	void auditAndSubjectAccessPurposesNeverShowContent() {
		for (String code : new String[] { "AUDIT", "SUBJECT_ACCESS" }) {
			Purpose purpose = this.policy.purpose(code).orElseThrow();
			PolicyDecision decision = this.policy.decide(new AccessRequest(COORDINATOR, purpose, SOCIAL,
					EffectiveBasis.STATUTORY, AUTHOR_ORGANISATION, BREAK_GLASS));
			assertThat(decision.effect()).isEqualTo(Decision.DENY);
			assertThat(decision.ruleId()).isEqualTo("metadata-purposes-give-no-content");
		}
	}

	@Test
	void everyDecisionIsRecordedAndNamesTheVersion() {
		PolicyDecision decision = decide(COORDINATOR, SOCIAL, EffectiveBasis.CONSENT, IN_AUDIENCE, PARTICIPANT);

		assertThat(decision.obligations()).contains(Obligation.RECORD);
		assertThat(decision.version().value()).matches("2026\\.1\\+[0-9a-f]{12}");
		assertThat(decision.ruleDescription()).isNotBlank();
	}

	@Test
	void everyRuleOfTheShippedPolicyDecidesSomething() {
		assertThat(this.policy.unreachableRules()).isEmpty();
	}

	@Test
	void describesRolesPurposesAndBreakGlass() {
		assertThat(this.policy.roles()).hasSize(Role.values().length);
		assertThat(this.policy.role(CARE_PROFESSIONAL).domain()).contains(Domain.CARE);
		assertThat(this.policy.role(AUDITOR).domain()).isEmpty();
		assertThat(this.policy.purposes()).extracting((definition) -> definition.purpose().code())
			.containsExactly("TRIAGE", "CASE_CONSULTATION", "PLAN_EXECUTION", "MONITORING", "ACCOUNTABILITY", "AUDIT",
					"SUBJECT_ACCESS");
		assertThat(this.policy.purposes().get(1).labelNl()).isEqualTo("Casusoverleg");
		assertThat(this.policy.breakGlass().roles()).containsExactly(COORDINATOR);
		assertThat(this.policy.breakGlass().duration()).isEqualTo(Duration.ofHours(4));
	}

	private void assertNoContentForAnyRequestOf(Role role, String ruleId) {
		for (PurposeDefinition purpose : this.policy.purposes()) {
			for (DataCategory category : DataCategory.values()) {
				for (EffectiveBasis basis : EffectiveBasis.values()) {
					for (AudienceRelation audience : AudienceRelation.values()) {
						for (Participation participation : Participation.values()) {
							PolicyDecision decision = this.policy.decide(new AccessRequest(role, purpose.purpose(),
									category, basis, audience, participation));
							assertThat(decision.effect()).isEqualTo(Decision.DENY);
							assertThat(decision.ruleId()).isEqualTo(ruleId);
						}
					}
				}
			}
		}
	}

	private PolicyDecision decide(Role role, DataCategory category, EffectiveBasis basis, AudienceRelation audience,
			Participation participation) {
		return this.policy.decide(new AccessRequest(role, this.consultation, category, basis, audience, participation));
	}

}
