package nl.schakel.disclosure;

import nl.schakel.security.Channel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseType;
import nl.schakel.casefile.RegisterCaseRequest;
import nl.schakel.casework.CaseConsents;
import nl.schakel.casework.CaseContributions;
import nl.schakel.casework.CaseIntake;
import nl.schakel.casework.CaseParticipants;
import nl.schakel.consent.ConsentEvidence;
import nl.schakel.consent.ConsentScope;
import nl.schakel.consent.ConsentView;
import nl.schakel.consent.EvidenceKind;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.organisation.Organisations;
import nl.schakel.participation.Admission;
import nl.schakel.policy.AccessRequest;
import nl.schakel.policy.AudienceRelation;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.EffectiveBasis;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyOffers;
import nl.schakel.policy.PolicyDecision;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeDefinition;
import nl.schakel.security.Actor;
import nl.schakel.security.CurrentActor;
import nl.schakel.security.Role;
import nl.schakel.support.AsUser;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo role reads a case under every purpose, admitted or not, and every item —
 * each data category on each legal basis, shared with the author's organisation only or
 * with every domain — gets exactly the decision the policy file gives for the reader's
 * situation. The expectation is derived from {@code policies/access-policy.yaml} through
 * {@link Policy#decide}, never listed by hand: the test checks that the gate works out
 * the reader's situation correctly, enforces the decision and records it.
 */
@IntegrationTest
class PolicyMatrixIT {

	static final List<String> READERS = List.of("coordinator", "ggz", "verslavingszorg", "politie", "om", "gemeente",
			"auditor", "beheer");

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseParticipants participants;

	@Autowired
	CaseContributions caseContributions;

	@Autowired
	CaseConsents consents;

	@Autowired
	DisclosureGate gate;

	@Autowired
	nl.schakel.contribution.ContributionService contributions;

	@Autowired
	Policy policy;

	@Autowired
	PolicyOffers offers;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyRoleGetsWhatThePolicyFileSaysForEveryPurposeCategoryBasisAudienceAndParticipation() {
		// who takes part, for which purposes (the safety house is admitted for all on
		// registration)
		Map<String, Set<String>> admitted = Map.of("ggz-midden", Set.of("CASE_CONSULTATION", "PLAN_EXECUTION"),
				"politie-midden", Set.of("CASE_CONSULTATION"), "gemeente-midden",
				Set.of("CASE_CONSULTATION", "MONITORING"));
		CaseFacts facts = AsUser.access(this.accounts, "coordinator", null, Channel.API, (access) -> {
			CaseFacts registered = this.intake.registerReferral(access, referral());
			admitted.forEach((organisation, purposes) -> this.participants.admit(access, registered.id(),
					new Admission(organisation, List.of(), List.copyOf(purposes), null)));
			return registered;
		});
		Purpose consultation = this.policy.purpose("CASE_CONSULTATION").orElseThrow();
		ConsentView consent = AsUser.access(this.accounts, "ggz", consultation.code(), Channel.API,
				(access) -> this.consents.record(access, facts.id(),
						new ConsentScope(List.of("politie-midden"), List.of(),
								List.of("GENERAL", "IDENTITY", "SOCIAL", "HEALTH", "RISK"),
								List.of("CASE_CONSULTATION"), LocalDate.now().minusDays(1), null),
						new ConsentEvidence(EvidenceKind.SIGNED_FORM, "formulier 2026-17", LocalDate.now().minusDays(1),
								"J. de Vries (GGZ)"),
						null));

		// the police's own consent, for what care may not contribute (criminal data)
		ConsentView policeConsent = AsUser.access(this.accounts, "politie", consultation.code(), Channel.API,
				(access) -> this.consents.record(access, facts.id(),
						new ConsentScope(List.of("ggz-midden"), List.of(), List.of("CRIMINAL"),
								List.of("CASE_CONSULTATION"), LocalDate.now().minusDays(1), null),
						new ConsentEvidence(EvidenceKind.SIGNED_FORM, "formulier 2026-18", LocalDate.now().minusDays(1),
								"A. Agent (politie)"),
						null));

		// every category on every basis, for the author's organisation only and for every
		// domain; by the care worker where care may contribute it, else by the police
		// (a domain contributes only what the policy lets it hold: care no criminal data)
		Map<UUID, Fixture> fixtures = new HashMap<>();
		for (DataCategory category : DataCategory.values()) {
			for (LegalBasis basis : LegalBasis.values()) {
				boolean care = this.offers.mayContribute(Role.CARE_PROFESSIONAL, category, basis);
				String author = care ? "ggz" : "politie";
				UUID consentId = care ? consent.id() : policeConsent.id();
				AsUser.access(this.accounts, author, consultation.code(), Channel.API, (access) -> {
					for (boolean everyDomain : List.of(false, true)) {
						String text = "inhoud " + category + " " + basis + " " + everyDomain + " " + UUID.randomUUID();
						ContributionRequest request = contribution(text, category, basis, consentId, everyDomain);
						UUID id = this.caseContributions.contribute(access, facts.id(), request);
						fixtures.put(id, new Fixture(care ? "ggz-midden" : "politie-midden",
								care ? "politie-midden" : "ggz-midden", category, basis, everyDomain, text));
					}
					return null;
				});
			}
		}

		int checked = 0;
		for (String reader : READERS) {
			for (PurposeDefinition definition : this.policy.purposes()) {
				Purpose purpose = definition.purpose();
				Reading reading = AsUser.access(this.accounts, reader, purpose.code(), Channel.API,
						(access) -> this.gate.read(access, new CaseSubject(facts.id().value(), facts.personId()),
								this.contributions.items(facts.id())));
				Actor actor = AsUser.run(this.accounts, reader, CurrentActor::require);
				Role role = actor.roles().iterator().next();
				String domain = this.organisations.findByCode(actor.organisation()).orElseThrow().domain().name();
				boolean participant = actor.organisation().equals("zvh-midden")
						|| admitted.getOrDefault(actor.organisation(), Set.of()).contains(purpose.code());
				assertThat(reading.participation())
					.isEqualTo(participant ? Participation.PARTICIPANT : Participation.NOT_PARTICIPANT);
				assertThat(reading.outcomes()).hasSize(fixtures.size());
				for (Outcome outcome : reading.outcomes()) {
					Fixture fixture = fixtures.get(outcome.item().id());
					AudienceRelation audience = actor.organisation().equals(fixture.author())
							? AudienceRelation.AUTHOR_ORGANISATION : (fixture.everyDomain() && domain != null)
									? AudienceRelation.IN_AUDIENCE : AudienceRelation.OUTSIDE_AUDIENCE;
					boolean consentCovers = fixture.basis() == LegalBasis.CONSENT
							&& actor.organisation().equals(fixture.consentRecipient())
							&& purpose.code().equals("CASE_CONSULTATION");
					PolicyDecision expected = this.policy.decide(new AccessRequest(role, purpose, fixture.category(),
							EffectiveBasis.of(fixture.basis(), consentCovers), audience,
							participant ? Participation.PARTICIPANT : Participation.NOT_PARTICIPANT));
					String where = reader + " " + purpose.code() + " " + fixture;
					assertThat(outcome.decision().effect()).as(where).isEqualTo(expected.effect());
					assertThat(outcome.decision().ruleId()).as(where).isEqualTo(expected.ruleId());
					if (outcome.permitted()) {
						assertThat(outcome.content()).as(where).contains(fixture.text());
					}
					else {
						assertThat(outcome.content()).as(where).isEmpty();
					}
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(READERS.size() * this.policy.purposes().size() * fixtures.size());

		// every one of those decisions is in the log, with its rule and the policy
		// version
		Long logged = this.jdbc.queryForObject(
				"select count(*) from disclosure where case_id = ? and item_kind = 'CONTRIBUTION' and channel = 'API'"
						+ " and policy_version = ?",
				Long.class, facts.id().value(), this.policy.version().value());
		assertThat(logged).isEqualTo((long) checked);
		List<String> decisions = this.jdbc.queryForList(
				"select distinct decision from disclosure where case_id = ? order by decision", String.class,
				facts.id().value());
		assertThat(decisions).containsExactly("DENY", "EXISTENCE_ONLY", "PERMIT");
	}

	static RegisterCaseRequest referral() {
		RegisterCaseRequest request = new RegisterCaseRequest();
		request.getPerson().setName("Matrix Persoon");
		request.getPerson().setDateOfBirth(LocalDate.of(1988, 8, 8));
		request.setCaseType(CaseType.CONFUSED_BEHAVIOUR);
		return request;
	}

	static ContributionRequest contribution(String text, DataCategory category, LegalBasis basis, UUID consentId,
			boolean everyDomain) {
		ContributionRequest request = new ContributionRequest();
		request.setText(text);
		request.setCategory(category);
		request.setLegalBasis(basis);
		switch (basis) {
			case CONSENT -> request.setConsentId(consentId);
			case STATUTORY -> request.setStatutoryReference("Wet verplichte ggz art. 8:31");
			case CONFLICT_OF_DUTIES -> {
				request.getConflictOfDuties().setInterest("veiligheid van derden");
				request.getConflictOfDuties().setWhyNoConsent("betrokkene weigert elk contact");
				request.getConflictOfDuties().setNoOtherWay("geen ander middel beschikbaar");
				request.getConflictOfDuties().setSeriousHarm("ernstig geweld tegen naasten");
				request.getConflictOfDuties().setStrictlyNeeded("alleen het risico, voor de politie");
				request.setSecrecyBreachConfirmed(true);
			}
			default -> {
			}
		}
		if (everyDomain) {
			request.setAudienceDomains(new ArrayList<>(List.of("CARE", "JUSTICE", "MUNICIPAL", "SAFETY_HOUSE")));
		}
		return request;
	}

	record Fixture(String author, String consentRecipient, DataCategory category, LegalBasis basis, boolean everyDomain,
			String text) {

		@Override
		public String toString() {
			return this.author + ":" + this.category + "/" + this.basis + "/"
					+ (this.everyDomain ? "every-domain" : "own-organisation");
		}

	}

}
