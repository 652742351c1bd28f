package nl.schakel.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;
import nl.schakel.casefile.CloseReason;
import nl.schakel.consent.ConsentEvidence;
import nl.schakel.consent.ConsentScope;
import nl.schakel.consent.ConsentView;
import nl.schakel.consent.EvidenceKind;
import nl.schakel.ids.ContributionId;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import static nl.schakel.casework.DemoSteps.CONSULTATION;
import static nl.schakel.casework.DemoSteps.PLAN;
import static nl.schakel.casework.DemoSteps.TRIAGE;

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
 * profile). The steps are {@link DemoSteps}; the cases past consultation
 * {@link DemoPlannedCases}.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("schakel.demo-data.enabled")
class DemoCases implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

	private final DemoSteps steps;

	private final DemoPlannedCases planned;

	private final CaseLifecycle lifecycle;

	private final CaseConsents consents;

	private final CaseContributions caseContributions;

	private final ObjectProvider<UserDetailsService> accounts;

	private final JdbcTemplate jdbc;

	DemoCases(DemoSteps steps, DemoPlannedCases planned, CaseLifecycle lifecycle, CaseConsents consents,
			CaseContributions caseContributions, ObjectProvider<UserDetailsService> accounts, JdbcTemplate jdbc) {
		this.steps = steps;
		this.planned = planned;
		this.lifecycle = lifecycle;
		this.consents = consents;
		this.caseContributions = caseContributions;
		this.accounts = accounts;
		this.jdbc = jdbc;
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
				this.planned::withAPlan, this.planned::inMonitoring, this::closed, this::otherSafetyHouse);
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
		return this.steps.register("coordinator", "Bram Fictief", LocalDate.of(1991, 4, 12), "999990007",
				CaseType.CONFUSED_BEHAVIOUR, "politie-midden", "Wijkagent (fictief)",
				"Verward gedrag in de openbare ruimte, buren bezorgd.", "Passende zorg en rust in de wijk.");
	}

	/** A referral in triage, the municipality admitted to help weigh it. */
	private CaseFacts inTriage() {
		CaseFacts c = this.steps.register("coordinator", "Carla Voorbeeld", LocalDate.of(1978, 9, 30), "999990019",
				CaseType.DOMESTIC_VIOLENCE, "gemeente-midden", "Wijkteam (fictief)",
				"Meerdere meldingen van huiselijk geweld bij Veilig Thuis.", "Veiligheid voor de kinderen.");
		this.steps.as("coordinator", TRIAGE,
				(access) -> this.lifecycle.move(access, c.id(), CaseStatus.TRIAGE, null, null));
		this.steps.admit(c, "gemeente-midden", TRIAGE, CONSULTATION);
		this.steps.contribute("gemeente", c, TRIAGE, DataCategory.SOCIAL, LegalBasis.PUBLIC_TASK,
				"Gezin bekend bij het wijkteam; schuldhulp loopt sinds vorig jaar (fictief).", null, List.of());
		return c;
	}

	/**
	 * A case in consultation: care and police at the table, health information under a
	 * consent, and an open request of the police to GGZ.
	 */
	private CaseFacts inConsultation() {
		CaseFacts c = this.steps.accepted("Daan Denkbeeld", LocalDate.of(1996, 1, 23), "999990020",
				CaseType.RADICALISATION, "Zorgen over online radicalisering en terugtrekken uit het gezin.",
				"Gezamenlijke risico-inschatting.");
		this.steps.admit(c, "ggz-midden", CONSULTATION, PLAN);
		this.steps.admit(c, "politie-midden", CONSULTATION, PLAN);
		this.steps.admit(c, "om-midden", CONSULTATION);
		ConsentView consent = this.steps.as("ggz", CONSULTATION,
				(access) -> this.consents.record(access, c.id(),
						new ConsentScope(List.of("politie-midden"), List.of(), List.of(DataCategory.HEALTH.name()),
								List.of(CONSULTATION.code()), this.steps.today().minusDays(7),
								this.steps.today().plusMonths(6)),
						new ConsentEvidence(EvidenceKind.SIGNED_FORM, "Toestemmingsformulier GGZ, getekend (fictief)",
								this.steps.today().minusDays(7), "Daan Bakker (GGZ)"),
						null));
		UUID withConsent = this.steps.contribute("ggz", c, CONSULTATION, DataCategory.HEALTH, LegalBasis.CONSENT,
				"In behandeling bij de GGZ; komt afspraken na (fictief).", consent.id(), List.of());
		UUID healthOnly = this.steps.contribute("ggz", c, CONSULTATION, DataCategory.HEALTH, LegalBasis.PUBLIC_TASK,
				"Diagnose en medicatie: alleen voor de zorg (fictief).", null, List.of("CARE", "JUSTICE"));
		this.steps.contribute("politie", c, CONSULTATION, DataCategory.CRIMINAL, LegalBasis.STATUTORY,
				"Twee registraties wegens bedreiging online (fictief).", null, List.of("CARE", "JUSTICE"));
		this.steps.contribute("om", c, CONSULTATION, DataCategory.RISK, LegalBasis.PUBLIC_TASK,
				"Geen lopende strafzaak; risico op escalatie laag tot midden (fictief).", null,
				List.of("CARE", "JUSTICE"));
		// the police ask GGZ for what only care may see: it waits in GGZ's inbox
		this.steps.as("politie", CONSULTATION, (access) -> this.caseContributions.requestDisclosure(access, c.id(),
				new ContributionId(healthOnly), "Nodig voor de gezamenlijke risico-inschatting (fictief)."));
		log.debug("Demo case in consultation with contribution {} shared under consent", withConsent);
		return c;
	}

	/** A case closed with its goals achieved. */
	private CaseFacts closed() {
		CaseFacts c = this.steps.accepted("Greet Gefingeerd", LocalDate.of(1955, 3, 8), "999990056", CaseType.OTHER,
				"Vereenzaming en oplichting via de telefoon.", "Veilig thuis wonen met steun uit de buurt.");
		this.steps.admit(c, "gemeente-midden", CONSULTATION);
		this.steps.contribute("gemeente", c, CONSULTATION, DataCategory.SOCIAL, LegalBasis.PUBLIC_TASK,
				"Buurtnetwerk en dagbesteding geregeld (fictief).", null, List.of());
		this.steps.as("coordinator", CONSULTATION,
				(access) -> this.lifecycle.close(access, c.id(), CloseReason.GOALS_ACHIEVED, null));
		return c;
	}

	/** A referral at the other safety house, so its coordinator has work too. */
	private CaseFacts otherSafetyHouse() {
		return this.steps.register("coordinator-zuid", "Hans Hypothetisch", LocalDate.of(1983, 7, 19), "999990068",
				CaseType.HIGH_IMPACT_CRIME, "om-midden", "Officier van justitie (fictief)",
				"Terugkeer na detentie in de wijk van het slachtoffer.", "Afspraken over wonen en toezicht.");
	}

}
