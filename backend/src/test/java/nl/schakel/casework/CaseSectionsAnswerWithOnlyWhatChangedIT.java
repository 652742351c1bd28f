package nl.schakel.casework;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.CasePageVisits;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static nl.schakel.support.DemoApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case page's actions under htmx: a form posted with {@code HX-Request} gets back
 * only its section — the participant admitted, or the message next to the field in error
 * with a summary at the top and status 422 — without reading the dossier through the gate
 * again, so nothing is disclosed (or logged) that the write did not show. Without
 * JavaScript the same forms post and redirect. A removal or withdrawal is carried out
 * only after a question that spells out its consequences, and the coordinator cannot
 * remove their own safety house.
 */
@IntegrationTest
class CaseSectionsAnswerWithOnlyWhatChangedIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	CasePageVisits visits;

	@BeforeEach
	void visitAsTheBrowserDoes() {
		this.visits = new CasePageVisits(this.mvc, this.accounts);
	}

	@Test
	void anHtmxAdmissionAnswersWithTheParticipantsSectionHoldingTheNewParticipantAndNotTheRestOfThePage()
			throws Exception {
		UUID id = caseWithGgzContributions();
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/participants"), "coordinator")
				.param("organisation", "politie-midden")
				.param("purposes", "CASE_CONSULTATION"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"participants-section\"")))
			.andExpect(content().string(containsString("Politie eenheid Midden")))
			.andExpect(content().string(containsString("De partner is toegelaten.")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("timeline-title"))))
			.andExpect(content().string(not(containsString("consents-title"))))
			.andExpect(content().string(not(containsString("Vertrouwelijke inbreng"))));
		assertThat(activeParticipants(id, "politie-midden")).isOne();
	}

	@Test
	void anHtmxAdmissionWritesNoDisclosureRowsForTheCasesContributions() throws Exception {
		UUID id = caseWithGgzContributions();
		long contributionRows = contributionDisclosures(id);
		long allRows = disclosures(id);
		for (String organisation : new String[] { "politie-midden", "gemeente-midden", "reclassering-midden" }) {
			this.mvc
				.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/participants"), "coordinator")
					.param("organisation", organisation)
					.param("purposes", "CASE_CONSULTATION"))
				.andExpect(status().isOk());
		}
		assertThat(contributionDisclosures(id)).as("contributions disclosed by admitting three partners")
			.isEqualTo(contributionRows);
		assertThat(disclosures(id)).as("any disclosure row for the admissions").isEqualTo(allRows);
	}

	@Test
	void aFailedHtmxAdmissionAnswers422WithTheMessageNextToTheFieldAndASummaryLinkingToIt() throws Exception {
		UUID id = caseWithGgzContributions();
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/participants"), "coordinator")
				.param("organisation", "politie-midden")
				.param("professionals", "agent-1")
				.param("validUntil", "2001-01-01"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"participants-section\"")))
			.andExpect(content().string(containsString("class=\"problem error-summary\" role=\"alert\"")))
			.andExpect(content().string(containsString("href=\"#admit-purposes\"")))
			.andExpect(content().string(containsString("href=\"#admit-until\"")))
			.andExpect(content().string(containsString("id=\"admit-purposes-error\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("aria-describedby=\"admit-until-error\"")))
			.andExpect(content().string(containsString("id=\"admit-until-error\"")))
			// what was typed stays
			.andExpect(content().string(containsString("value=\"agent-1\"")))
			.andExpect(content().string(containsString("<option value=\"politie-midden\" selected=\"selected\"")))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(activeParticipants(id, "politie-midden")).isZero();
	}

	@Test
	void withoutJavaScriptTheAdmissionStillPostsAndRedirectsToTheCasePage() throws Exception {
		UUID id = caseWithGgzContributions();
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/participants").with(csrf())
				.with(this.visits.signedIn("coordinator"))
				.param("organisation", "politie-midden")
				.param("purposes", "CASE_CONSULTATION"))
			.andExpect(redirectedUrl(CasePageVisits.page(id)));
		assertThat(activeParticipants(id, "politie-midden")).isOne();
	}

	@Test
	void theParticipantsSectionHasItsOwnAddressAsAFragmentForHtmxAndAsAPageWithoutIt() throws Exception {
		UUID id = caseWithGgzContributions();
		MockHttpSession session = this.visits.chosen(id, "ggz", "CASE_CONSULTATION");
		long contributionRows = contributionDisclosures(id);
		this.mvc
			.perform(get(CasePageVisits.page(id) + "/sections/participants").session(session)
				.with(this.visits.signedIn("ggz"))
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("GGZ Midden")))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc
			.perform(get(CasePageVisits.page(id) + "/sections/participants").session(session)
				.with(this.visits.signedIn("ggz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("id=\"participants-section\"")))
			.andExpect(content().string(not(containsString("timeline-title"))));
		assertThat(contributionDisclosures(id)).isEqualTo(contributionRows);
		// a reader not admitted to the case learns nothing from it
		MockHttpSession stranger = this.visits.chosen(id, "politie", "CASE_CONSULTATION");
		this.mvc
			.perform(get(CasePageVisits.page(id) + "/sections/participants").session(stranger)
				.with(this.visits.signedIn("politie"))
				.header("HX-Request", "true"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("GGZ Midden"))));
	}

	@Test
	void removingAParticipantFirstAsksWithTheConsequencesSpelledOutAndRemovesOnlyWhenConfirmed() throws Exception {
		UUID id = caseWithGgzContributions();
		String ggz = participantOf(id, "ggz-midden");
		// the page offers the question, not the removal itself
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/participants/" + ggz + "/removal").with(csrf())
				.with(this.visits.signedIn("coordinator")))
			.andExpect(redirectedUrl(CasePageVisits.page(id) + "/participants/" + ggz + "/removal"));
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/participants/" + ggz + "/removal"),
					"coordinator"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Toelating van GGZ Midden intrekken?")))
			.andExpect(content().string(containsString("zien daarna niets meer van deze casus")))
			.andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
		this.mvc
			.perform(get(CasePageVisits.page(id) + "/participants/" + ggz + "/removal")
				.with(this.visits.signedIn("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("Toelating van GGZ Midden intrekken?")));
		assertThat(activeParticipants(id, "ggz-midden")).isOne();

		this.mvc
			.perform(
					this.visits.htmx(post(CasePageVisits.page(id) + "/participants/" + ggz + "/removal"), "coordinator")
						.param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("De deelname is beëindigd.")));
		assertThat(activeParticipants(id, "ggz-midden")).isZero();
	}

	@Test
	void theCoordinatorCannotRemoveTheirOwnSafetyHouseAndIsToldWhy() throws Exception {
		UUID id = caseWithGgzContributions();
		String house = participantOf(id, "zvh-midden");
		this.mvc
			.perform(get(CasePageVisits.page(id) + "/sections/participants")
				.session(this.visits.chosen(id, "coordinator", "TRIAGE"))
				.with(this.visits.signedIn("coordinator"))
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Regisseert de casus en blijft deelnemer")))
			.andExpect(content().string(not(containsString("/participants/" + house + "/removal"))));
		this.mvc
			.perform(this.visits
				.htmx(post(CasePageVisits.page(id) + "/participants/" + house + "/removal"), "coordinator")
				.param("confirmed", "true"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("blijft deelnemer: anders sluit u uzelf buiten")));
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/participants/" + house + "/removal").with(csrf())
				.with(this.visits.signedIn("coordinator"))
				.param("confirmed", "true"))
			.andExpect(redirectedUrl(CasePageVisits.page(id)));
		assertThat(activeParticipants(id, "zvh-midden")).isOne();
	}

	@Test
	void aFailedHtmxConsentAnswers422WithTheMessagesAtTheirFieldsAndRecordsNothing() throws Exception {
		UUID id = caseWithGgzContributions();
		MockHttpSession session = this.visits.chosen(id, "ggz", "CASE_CONSULTATION");
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/consents").session(session)
				.with(csrf())
				.with(this.visits.signedIn("ggz"))
				.header("HX-Request", "true")
				.param("organisations", "politie-midden")
				.param("consentPurposes", "CASE_CONSULTATION")
				.param("validFrom", "2026-02-01")
				.param("evidenceKind", "VERBAL")
				.param("evidenceObtainedOn", "2026-02-01")
				.param("evidenceObtainedBy", "M. Jansen"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"consents-section\"")))
			.andExpect(content().string(containsString("href=\"#consent-categories\"")))
			.andExpect(content().string(containsString("id=\"consent-categories-error\"")))
			.andExpect(content().string(containsString("id=\"consent-evidence-error\"")))
			.andExpect(content().string(containsString("value=\"M. Jansen\"")))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(this.jdbc.queryForObject("select count(*) from consent where case_id = ?", Long.class, id)).isZero();

		this.mvc
			.perform(post(CasePageVisits.page(id) + "/consents").session(session)
				.with(csrf())
				.with(this.visits.signedIn("ggz"))
				.header("HX-Request", "true")
				.param("organisations", "politie-midden")
				.param("categories", "SOCIAL")
				.param("consentPurposes", "CASE_CONSULTATION")
				.param("validFrom", "2026-02-01")
				.param("evidence", "formulier 7")
				.param("evidenceKind", "VERBAL")
				.param("evidenceObtainedOn", "2026-02-01")
				.param("evidenceObtainedBy", "M. Jansen"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("De toestemming is vastgelegd.")))
			.andExpect(content().string(containsString("M. Jansen")));
		assertThat(this.jdbc.queryForObject("select count(*) from consent where case_id = ?", Long.class, id)).isOne();
	}

	@Test
	void withdrawingAConsentFirstAsksAndStopsItOnlyWhenConfirmed() throws Exception {
		UUID id = caseWithGgzContributions();
		MockHttpSession session = this.visits.chosen(id, "ggz", "CASE_CONSULTATION");
		String consent = JsonPath
			.read(this.mvc.perform(as("ggz", "CASE_CONSULTATION", post("/api/v1/cases/" + id + "/consents"), """
					{"organisations": ["politie-midden"], "categories": ["SOCIAL"], "purposes": ["CASE_CONSULTATION"],
					 "validFrom": "2026-01-01", "evidence": "formulier 3", "evidenceKind": "SIGNED_FORM",
					 "evidenceObtainedOn": "2026-01-01", "evidenceObtainedBy": "M. Jansen"}"""))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/consents/" + consent + "/withdrawal").session(session)
				.with(csrf())
				.with(this.visits.signedIn("ggz")))
			.andExpect(redirectedUrl(CasePageVisits.page(id) + "/consents/" + consent + "/withdrawal"));
		this.mvc
			.perform(get(CasePageVisits.page(id) + "/consents/" + consent + "/withdrawal").session(session)
				.with(this.visits.signedIn("ggz"))
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Toestemming vastgelegd door GGZ Midden intrekken?")))
			.andExpect(content().string(containsString("stoppen direct")));
		assertThat(inForce(consent)).isTrue();
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/consents/" + consent + "/withdrawal").session(session)
				.with(csrf())
				.with(this.visits.signedIn("ggz"))
				.header("HX-Request", "true")
				.param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("De toestemming is ingetrokken")));
		assertThat(inForce(consent)).isFalse();
	}

	@Test
	void answeringADisclosureRequestWithHtmxAnswersWithThatRequestAloneWithTheMessageAtTheField() throws Exception {
		UUID id = caseWithGgzContributions();
		this.mvc
			.perform(as("coordinator", "TRIAGE", post("/api/v1/cases/" + id + "/participants"),
					"{\"organisation\": \"politie-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}"))
			.andExpect(status().isCreated());
		String contribution = JsonPath.read(this.mvc
			.perform(as("ggz", "CASE_CONSULTATION", post("/api/v1/cases/" + id + "/contributions"),
					"{\"text\": \"Diagnose\", \"category\": \"HEALTH\", \"legalBasis\": \"PUBLIC_TASK\","
							+ " \"audienceDomains\": [\"JUSTICE\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String request = JsonPath.read(this.mvc
			.perform(as("politie", "CASE_CONSULTATION",
					post("/api/v1/cases/" + id + "/contributions/" + contribution + "/requests"),
					"{\"reason\": \"Nodig voor de risicotaxatie\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		this.mvc.perform(this.visits.htmx(post("/requests/" + request + "/refusal"), "ggz").param("reason", ""))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"request-" + request + "\"")))
			.andExpect(content().string(containsString("id=\"refuse-reason-" + request + "-error\"")))
			.andExpect(content().string(containsString("href=\"#refuse-reason-" + request + "\"")))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc
			.perform(this.visits.htmx(post("/requests/" + request + "/refusal"), "ggz")
				.param("reason", "Geen grondslag"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Het verzoek is geweigerd.")))
			.andExpect(content().string(not(containsString("/requests/" + request + "/grant"))));
	}

	@Test
	void closingACaseIsDoneOnlyAfterConfirmingWhatItEndsAndAnotherHousesCaseStaysMissing() throws Exception {
		UUID id = caseWithGgzContributions();
		this.mvc
			.perform(as("coordinator", "TRIAGE", post("/api/v1/cases/" + id + "/status"), "{\"status\": \"TRIAGE\"}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(
					as("coordinator", "TRIAGE", post("/api/v1/cases/" + id + "/triage"), "{\"outcome\": \"ACCEPTED\"}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/status").with(csrf())
				.with(this.visits.signedIn("coordinator"))
				.param("status", "CLOSED")
				.param("reason", "GOALS_ACHIEVED"))
			.andExpect(redirectedUrl(CasePageVisits.page(id)))
			.andExpect(flash().attribute("closeProblems", hasSize(1)));
		assertThat(statusOf(id)).isNotEqualTo("CLOSED");
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/status").with(csrf())
				.with(this.visits.signedIn("coordinator-zuid"))
				.param("status", "CLOSED")
				.param("reason", "GOALS_ACHIEVED"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/status").with(csrf())
				.with(this.visits.signedIn("coordinator"))
				.param("status", "CLOSED")
				.param("reason", "GOALS_ACHIEVED")
				.param("confirmed", "true"))
			.andExpect(redirectedUrl(CasePageVisits.page(id)));
		assertThat(statusOf(id)).isEqualTo("CLOSED");
	}

	private String statusOf(UUID id) {
		return this.jdbc.queryForObject("select status from case_file where id = ?", String.class, id);
	}

	private boolean inForce(String consent) {
		return this.jdbc.queryForObject("select withdrawn_on is null from consent where id = ?::uuid", Boolean.class,
				consent);
	}

	/** A case with GGZ admitted and two contributions of its own. */
	private UUID caseWithGgzContributions() throws Exception {
		return CasePageVisits.idOf(this.visits.caseWithGgzContributions("Sectie Persoon", "Vertrouwelijke inbreng 0",
				"Vertrouwelijke inbreng 1"));
	}

	private long activeParticipants(UUID id, String organisation) {
		return this.jdbc.queryForObject(
				"select count(*) from participation where case_id = ? and organisation_code = ? and removed_at is null",
				Long.class, id, organisation);
	}

	private String participantOf(UUID id, String organisation) {
		return this.jdbc.queryForObject(
				"select id::text from participation where case_id = ? and organisation_code = ? and removed_at is null",
				String.class, id, organisation);
	}

	private long contributionDisclosures(UUID id) {
		return this.jdbc.queryForObject(
				"select count(*) from disclosure where case_id = ? and item_kind = 'CONTRIBUTION'", Long.class, id);
	}

	private long disclosures(UUID id) {
		return this.jdbc.queryForObject("select count(*) from disclosure where case_id = ?", Long.class, id);
	}

}
