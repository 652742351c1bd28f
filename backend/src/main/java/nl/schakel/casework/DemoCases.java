package nl.schakel.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import nl.schakel.ids.ContributionId;
import nl.schakel.meeting.MeetingService;
import nl.schakel.meeting.NewMeeting;
import nl.schakel.meeting.NewMinutes;
import nl.schakel.plan.ActionStatus;
import nl.schakel.plan.ActionSummary;
import nl.schakel.plan.NewAction;
import nl.schakel.plan.PlanOfAction;
import nl.schakel.plan.StatusUpdate;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;
import nl.schakel.casefile.CloseReason;
import nl.schakel.casefile.RegisterCaseRequest;
import nl.schakel.casefile.TriageOutcome;
import nl.schakel.consent.ConsentEvidence;
import nl.schakel.consent.ConsentScope;
import nl.schakel.consent.ConsentView;
import nl.schakel.consent.EvidenceKind;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.contribution.DisclosureRequestView;
import nl.schakel.contribution.GrantDecision;
import nl.schakel.participation.Admission;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.web.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo cases of the local default, so a newcomer finds a working safety house instead of
 * empty lists: one case at each step of the process, with partners admitted,
 * contributions under each legal basis, a consent with its evidence and disclosure
 * requests, open and answered. Every person is fictional (BSNs from the range kept for
 * tests, 99999xxxx; the referral says "fictief").
 * <p>
 * The cases are made through the same use cases the pages and the API call, each step
 * under the demo account that would take it in real life and under a named purpose, so
 * the rules hold (only a participant contributes, only the holder records a consent, only
 * the author answers a request) and every write is recorded and audited like any other.
 * Each step is its own transaction, as the request it stands for would be, so each
 * revision names the account and purpose of its step (one transaction around all would
 * credit every write to the first). Only into a database without cases, so a restart or a
 * real database is never touched. On with {@code schakel.demo-data.enabled} (the local
 * profile).
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("schakel.demo-data.enabled")
class DemoCases implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

	private static final Purpose TRIAGE = new Purpose("TRIAGE");

	private static final Purpose CONSULTATION = new Purpose("CASE_CONSULTATION");

	private static final Purpose PLAN = new Purpose("PLAN_EXECUTION");

	private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Amsterdam");

	private static final Purpose MONITORING = new Purpose("MONITORING");

	private static final String FICTIONAL = "Fictief demodossier, geen echte persoon. ";

	private final CaseParticipants participants;

	private final CaseContributions caseContributions;

	private final CaseIntake intake;

	private final CaseLifecycle lifecycle;

	private final CaseConsents consents;

	private final ObjectProvider<UserDetailsService> accounts;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final PlanOfAction plan;

	private final MeetingService meetings;

	DemoCases(CaseParticipants participants, CaseContributions caseContributions, CaseIntake intake,
			CaseLifecycle lifecycle, CaseConsents consents, PlanOfAction plan, MeetingService meetings,
			ObjectProvider<UserDetailsService> accounts, JdbcTemplate jdbc, Clock clock) {
		this.participants = participants;
		this.caseContributions = caseContributions;
		this.intake = intake;
		this.plan = plan;
		this.meetings = meetings;
		this.lifecycle = lifecycle;
		this.consents = consents;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		seed();
	}

	/** Seeds the demo cases into a database without cases; returns whether it did. */
	boolean seed() {
		if (Boolean.TRUE.equals(this.jdbc.queryForObject("select exists (select 1 from case_file)", Boolean.class))) {
			return false;
		}
		if (this.accounts.getIfAvailable() == null) {
			log.info("No demo cases: the demo accounts that would make them are off (Keycloak?)");
			return false;
		}
		// one case failing (a rule added later, say) leaves the others: each step commits
		// as the
		// request it stands for would, so a failed case may stay half made, which the log
		// says
		List<Supplier<CaseFacts>> demo = List.of(this::freshReferral, this::inTriage, this::inConsultation,
				this::withAPlan, this::inMonitoring, this::closed, this::otherSafetyHouse);
		for (Supplier<CaseFacts> demoCase : demo) {
			try {
				demoCase.get();
			}
			catch (RuntimeException ex) {
				log.error("A demo case could not be made completely; remove the data directory to seed again", ex);
			}
		}
		log.info("Seeded demo cases (fictional persons) into the empty database");
		return true;
	}

	// --- one method per case

	/** A referral from the police that nobody has looked at yet. */
	private CaseFacts freshReferral() {
		return register("coordinator", "Bram Fictief", LocalDate.of(1991, 4, 12), "999990007",
				CaseType.CONFUSED_BEHAVIOUR, "politie-midden", "Wijkagent (fictief)",
				"Verward gedrag in de openbare ruimte, buren bezorgd.", "Passende zorg en rust in de wijk.");
	}

	/** A referral in triage, the municipality admitted to help weigh it. */
	private CaseFacts inTriage() {
		CaseFacts c = register("coordinator", "Carla Voorbeeld", LocalDate.of(1978, 9, 30), "999990019",
				CaseType.DOMESTIC_VIOLENCE, "gemeente-midden", "Wijkteam (fictief)",
				"Meerdere meldingen van huiselijk geweld bij Veilig Thuis.", "Veiligheid voor de kinderen.");
		as("coordinator", TRIAGE, (access) -> this.lifecycle.move(access, c.id(), CaseStatus.TRIAGE, null, null));
		admit(c, "gemeente-midden", TRIAGE, CONSULTATION);
		contribute("gemeente", c, TRIAGE, DataCategory.SOCIAL, LegalBasis.PUBLIC_TASK,
				"Gezin bekend bij het wijkteam; schuldhulp loopt sinds vorig jaar (fictief).", null, List.of());
		return c;
	}

	/**
	 * A case in consultation: care and police at the table, health information under a
	 * consent, and an open request of the police to GGZ.
	 */
	private CaseFacts inConsultation() {
		CaseFacts c = accepted("Daan Denkbeeld", LocalDate.of(1996, 1, 23), "999990020", CaseType.RADICALISATION,
				"Zorgen over online radicalisering en terugtrekken uit het gezin.", "Gezamenlijke risico-inschatting.");
		admit(c, "ggz-midden", CONSULTATION, PLAN);
		admit(c, "politie-midden", CONSULTATION, PLAN);
		admit(c, "om-midden", CONSULTATION);
		ConsentView consent = as("ggz", CONSULTATION,
				(access) -> this.consents.record(access, c.id(),
						new ConsentScope(List.of("politie-midden"), List.of(), List.of(DataCategory.HEALTH.name()),
								List.of(CONSULTATION.code()), today().minusDays(7), today().plusMonths(6)),
						new ConsentEvidence(EvidenceKind.SIGNED_FORM, "Toestemmingsformulier GGZ, getekend (fictief)",
								today().minusDays(7), "Daan Bakker (GGZ)"),
						null));
		UUID withConsent = contribute("ggz", c, CONSULTATION, DataCategory.HEALTH, LegalBasis.CONSENT,
				"In behandeling bij de GGZ; komt afspraken na (fictief).", consent.id(), List.of());
		UUID healthOnly = contribute("ggz", c, CONSULTATION, DataCategory.HEALTH, LegalBasis.PUBLIC_TASK,
				"Diagnose en medicatie: alleen voor de zorg (fictief).", null, List.of("CARE", "JUSTICE"));
		contribute("politie", c, CONSULTATION, DataCategory.CRIMINAL, LegalBasis.STATUTORY,
				"Twee registraties wegens bedreiging online (fictief).", null, List.of("CARE", "JUSTICE"));
		contribute("om", c, CONSULTATION, DataCategory.RISK, LegalBasis.PUBLIC_TASK,
				"Geen lopende strafzaak; risico op escalatie laag tot midden (fictief).", null,
				List.of("CARE", "JUSTICE"));
		// the police ask GGZ for what only care may see: it waits in GGZ's inbox
		as("politie", CONSULTATION, (access) -> this.caseContributions.requestDisclosure(access, c.id(),
				new ContributionId(healthOnly), "Nodig voor de gezamenlijke risico-inschatting (fictief)."));
		log.debug("Demo case in consultation with contribution {} shared under consent", withConsent);
		return c;
	}

	/** A case with a plan: partners carry it out; a request the GGZ answered. */
	private CaseFacts withAPlan() {
		CaseFacts c = accepted("Eva Verzonnen", LocalDate.of(1969, 6, 5), "999990032", CaseType.HIGH_IMPACT_CRIME,
				"Herhaald woninginbraak, verslavingsproblematiek.", "Zorg en toezicht in samenhang.");
		admit(c, "verslavingszorg-midden", CONSULTATION, PLAN);
		admit(c, "reclassering-midden", CONSULTATION, PLAN);
		admit(c, "ggz-midden", CONSULTATION, PLAN);
		UUID asked = contribute("verslavingszorg", c, CONSULTATION, DataCategory.HEALTH, LegalBasis.PUBLIC_TASK,
				"Ambulante behandeling gestart; terugval in de zomer (fictief).", null, List.of("CARE", "JUSTICE"));
		contribute("reclassering", c, CONSULTATION, DataCategory.CRIMINAL, LegalBasis.STATUTORY,
				"Toezicht met meldplicht tot volgend jaar (fictief).", null, List.of("CARE", "JUSTICE"));
		contribute("verslavingszorg", c, CONSULTATION, DataCategory.RISK, LegalBasis.CONFLICT_OF_DUTIES,
				"Dreigde bij de laatste afspraak een oud-buurman iets aan te doen (fictief).", null,
				List.of("JUSTICE"));
		DisclosureRequestView request = as("reclassering", CONSULTATION,
				(access) -> this.caseContributions.requestDisclosure(access, c.id(), new ContributionId(asked),
						"Behandelstand nodig voor het toezichtplan (fictief)."));
		as("verslavingszorg", CONSULTATION, (access) -> this.caseContributions.refuseDisclosure(access, request.id(),
				"Niet nodig voor het toezicht; de behandelaar licht de stand mondeling toe in het overleg (fictief)."));
		// the case meeting that agreed the plan: minutes, and the actions each partner
		// carries out
		UUID meeting = as("coordinator", CONSULTATION,
				(access) -> this.meetings.schedule(access,
						new NewMeeting(today().minusDays(14).atTime(10, 0).atZone(ZONE).toOffsetDateTime(),
								"Zorg- en Veiligheidshuis Midden, zaal 2", null, "Sanne de Vries",
								List.of(c.id().value()))));
		as("coordinator", CONSULTATION,
				(access) -> this.meetings.writeMinutes(access, meeting, c.id(),
						new NewMinutes(
								"Partners delen de zorg over terugval; afgesproken: behandeling en toezicht op elkaar "
										+ "afstemmen en wekelijks contact (fictief).",
								DataCategory.GENERAL, LegalBasis.PUBLIC_TASK, null, null, null)));
		as("coordinator", CONSULTATION,
				(access) -> this.plan.assign(access, c.id(),
						new NewAction("Behandelplan afstemmen met het toezicht van de reclassering (fictief).",
								"verslavingszorg-midden", today().plusDays(10), meeting)));
		as("coordinator", CONSULTATION,
				(access) -> this.plan.assign(access, c.id(),
						new NewAction("Meldplicht en huisbezoek inplannen (fictief).", "reclassering-midden",
								today().minusDays(3), meeting)));
		as("coordinator", CONSULTATION,
				(access) -> this.plan.assign(access, c.id(),
						new NewAction("Huisarts informeren over de afspraken (fictief).", "ggz-midden",
								today().plusDays(5), meeting)));
		as("coordinator", CONSULTATION, (access) -> this.lifecycle.move(access, c.id(), CaseStatus.PLAN, null, null));
		// the next meeting, with this case and the one in consultation on its agenda
		as("coordinator", PLAN,
				(access) -> this.meetings.schedule(access,
						new NewMeeting(today().plusDays(7).atTime(14, 0).atZone(ZONE).toOffsetDateTime(), null,
								"https://meet.example.nl/zvh-midden (fictief)", "Sanne de Vries",
								List.of(c.id().value()))));
		return c;
	}

	/** A case in monitoring after its plan was carried out. */
	private CaseFacts inMonitoring() {
		CaseFacts c = accepted("Frank Fantasie", LocalDate.of(2004, 11, 17), "999990044", CaseType.CONFUSED_BEHAVIOUR,
				"Overlast en verwaarlozing van de woning.", "Woning op orde, begeleiding geregeld.");
		admit(c, "gemeente-midden", MONITORING, PLAN);
		admit(c, "ggz-midden", MONITORING, PLAN);
		contribute("gemeente", c, PLAN, DataCategory.SOCIAL, LegalBasis.PUBLIC_TASK,
				"Beschermd wonen geregeld; bewindvoering aangevraagd (fictief).", null, List.of());
		ActionSummary done = as("coordinator", PLAN,
				(access) -> this.plan.assign(access, c.id(),
						new NewAction("Beschermd wonen en bewindvoering regelen (fictief).", "gemeente-midden",
								today().minusDays(20), null)));
		as("coordinator", PLAN, (access) -> this.lifecycle.move(access, c.id(), CaseStatus.PLAN, null, null));
		as("gemeente", PLAN, (access) -> this.plan.report(access, c.id(), done.id(),
				new StatusUpdate(ActionStatus.DONE, "Geregeld; bewindvoerder benoemd (fictief).")));
		as("coordinator", PLAN, (access) -> this.lifecycle.move(access, c.id(), CaseStatus.MONITORING, null, null));
		contribute("ggz", c, MONITORING, DataCategory.GENERAL, LegalBasis.PUBLIC_TASK,
				"Komt afspraken na; vervolggesprek over drie maanden (fictief).", null, List.of());
		return c;
	}

	/** A case closed with its goals achieved. */
	private CaseFacts closed() {
		CaseFacts c = accepted("Greet Gefingeerd", LocalDate.of(1955, 3, 8), "999990056", CaseType.OTHER,
				"Vereenzaming en oplichting via de telefoon.", "Veilig thuis wonen met steun uit de buurt.");
		admit(c, "gemeente-midden", CONSULTATION);
		contribute("gemeente", c, CONSULTATION, DataCategory.SOCIAL, LegalBasis.PUBLIC_TASK,
				"Buurtnetwerk en dagbesteding geregeld (fictief).", null, List.of());
		as("coordinator", CONSULTATION,
				(access) -> this.lifecycle.close(access, c.id(), CloseReason.GOALS_ACHIEVED, null));
		return c;
	}

	/** A referral at the other safety house, so its coordinator has work too. */
	private CaseFacts otherSafetyHouse() {
		return register("coordinator-zuid", "Hans Hypothetisch", LocalDate.of(1983, 7, 19), "999990068",
				CaseType.HIGH_IMPACT_CRIME, "om-midden", "Officier van justitie (fictief)",
				"Terugkeer na detentie in de wijk van het slachtoffer.", "Afspraken over wonen en toezicht.");
	}

	// --- steps, each as the demo account that takes it

	private CaseFacts register(String coordinator, String name, LocalDate born, String bsn, CaseType type,
			String referrer, String professional, String reason, String goal) {
		RegisterCaseRequest request = new RegisterCaseRequest();
		request.getPerson().setName(name);
		request.getPerson().setDateOfBirth(born);
		request.getPerson().setBsn(bsn);
		request.setCaseType(type);
		RegisterCaseRequest.ReferralForm referral = new RegisterCaseRequest.ReferralForm();
		referral.setReferringOrganisation(referrer);
		referral.setReferringProfessional(professional);
		referral.setReason(FICTIONAL + reason);
		referral.setGoal(goal);
		referral.setPersonInformed(true);
		request.setReferral(referral);
		return as(coordinator, TRIAGE, (access) -> this.intake.registerReferral(access, request));
	}

	/** Registered, triaged and accepted: in consultation. */
	private CaseFacts accepted(String name, LocalDate born, String bsn, CaseType type, String reason, String goal) {
		CaseFacts c = register("coordinator", name, born, bsn, type, "politie-midden", "Wijkagent (fictief)", reason,
				goal);
		as("coordinator", TRIAGE, (access) -> this.lifecycle.move(access, c.id(), CaseStatus.TRIAGE, null, null));
		return as("coordinator", TRIAGE, (access) -> this.lifecycle.decideTriage(access, c.id(), TriageOutcome.ACCEPTED,
				"Past bij het ZVH (fictief)."));
	}

	private void admit(CaseFacts c, String organisation, Purpose... purposes) {
		as("coordinator", TRIAGE, (access) -> this.participants.admit(access, c.id(), new Admission(organisation,
				List.of(), java.util.Arrays.stream(purposes).map(Purpose::code).toList(), null)));
	}

	private UUID contribute(String user, CaseFacts c, Purpose purpose, DataCategory category, LegalBasis basis,
			String text, UUID consent, List<String> domains) {
		ContributionRequest contribution = new ContributionRequest();
		contribution.setText(text);
		contribution.setCategory(category);
		contribution.setLegalBasis(basis);
		contribution.setConsentId(consent);
		contribution.setAudienceDomains(domains);
		if (basis == LegalBasis.STATUTORY) {
			contribution.setStatutoryReference("Art. 16 Wet politiegegevens (fictief voorbeeld)");
		}
		if (basis == LegalBasis.CONFLICT_OF_DUTIES) {
			ContributionRequest.ConflictOfDuties why = contribution.getConflictOfDuties();
			why.setInterest("De veiligheid van een derde (fictief).");
			why.setWhyNoConsent("Vragen om toestemming vergroot het gevaar (fictief).");
			why.setNoOtherWay("Geen ander middel om het gevaar tijdig af te wenden (fictief).");
			why.setSeriousHarm("Ernstige schade aan een oud-buurman dreigt (fictief).");
			why.setStrictlyNeeded("Alleen de dreiging, alleen aan justitiepartners (fictief).");
		}
		return as(user, purpose, (access) -> this.caseContributions.contribute(access, c.id(), contribution));
	}

	/**
	 * Runs one step as a demo account under a purpose, as a request of that account
	 * would.
	 */
	private <T> T as(String username, Purpose purpose, Function<Access, T> step) {
		UserDetails account = this.accounts.getObject().loadUserByUsername(username);
		return RequestContext.runAsAccount(account, purpose.code(), null, step);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
