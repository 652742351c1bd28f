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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case's status moves and the question for disclosure under htmx: the triage
 * decision, the next phase, closing and reopening answer with the status section alone
 * (the status and the moves now possible), asking for an item with that item's question
 * alone; a mistake answers 422 with the message at its field and a summary at the top.
 * None of them reads the dossier through the gate again, so the answer discloses (and
 * logs) nothing. Without JavaScript the same forms post and redirect.
 */
@IntegrationTest
class CaseStatusAndRequestsAnswerWithOnlyWhatChangedIT {

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
	void anHtmxTriageDecisionAnswersWithTheStatusSectionAndTheMovesNowPossibleAndReadsNothingThroughTheGate()
			throws Exception {
		UUID id = caseInTriage();
		long disclosed = disclosures(id);
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/triage"), "coordinator")
				.param("outcome", "ACCEPTED")
				.param("reason", "Zorgen van de wijkagent"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"status-section\"")))
			.andExpect(content().string(containsString("Het triagebesluit is vastgelegd.")))
			.andExpect(content().string(containsString("In casusoverleg")))
			.andExpect(content().string(containsString("Plan van aanpak vaststellen")))
			.andExpect(content().string(containsString("Casus sluiten")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("Status Persoon"))))
			.andExpect(content().string(not(containsString("Vertrouwelijke inbreng"))))
			// the reason is case content: shown on the page after its logged read, not in
			// an answer that read the case without the gate
			.andExpect(content().string(not(containsString("Zorgen van de wijkagent"))))
			.andExpect(content().string(not(containsString("timeline-title"))));
		assertThat(statusOf(id)).isEqualTo("IN_CONSULTATION");
		assertThat(disclosures(id)).as("disclosure rows written by the answer").isEqualTo(disclosed);
	}

	@Test
	void aFailedHtmxTriageDecisionAnswers422WithTheMessageAtTheFieldAndKeepsWhatWasChosen() throws Exception {
		UUID id = caseInTriage();
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/triage"), "coordinator")
				.param("outcome", "DECLINED"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"status-section\"")))
			.andExpect(content().string(containsString("class=\"problem error-summary\" role=\"alert\"")))
			.andExpect(content().string(containsString("href=\"#triage-reason\"")))
			.andExpect(content().string(containsString("id=\"triage-reason-error\"")))
			.andExpect(content().string(containsString("value=\"DECLINED\" required checked=\"checked\"")))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/triage"), "coordinator"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("href=\"#triage-outcome\"")))
			.andExpect(content().string(containsString("id=\"triage-outcome-error\"")));
		assertThat(statusOf(id)).isEqualTo("TRIAGE");
	}

	@Test
	void closingWithHtmxFirstAsksForTheConfirmationAtItsFieldThenClosesAndOffersTheReopening() throws Exception {
		UUID id = caseInConsultation();
		long disclosed = disclosures(id);
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/status"), "coordinator")
				.param("status", "CLOSED")
				.param("reason", "GOALS_ACHIEVED"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("href=\"#close-confirmed\"")))
			.andExpect(content().string(containsString("id=\"close-confirmed-error\"")))
			.andExpect(content().string(containsString("eindigt de deelname van alle partners")))
			.andExpect(content().string(containsString("<option value=\"GOALS_ACHIEVED\" selected=\"selected\"")))
			.andExpect(content().string(containsString("<details class=\"panel\" open")));
		assertThat(statusOf(id)).isEqualTo("IN_CONSULTATION");

		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/status"), "coordinator")
				.param("status", "CLOSED")
				.param("reason", "GOALS_ACHIEVED")
				.param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("De casus is gesloten.")))
			.andExpect(content().string(containsString("open de casus opnieuw")))
			.andExpect(content().string(containsString("id=\"reopen-reason\"")))
			.andExpect(content().string(not(containsString("Casus sluiten"))))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(statusOf(id)).isEqualTo("CLOSED");
		assertThat(disclosures(id)).as("disclosure rows written by the answers").isEqualTo(disclosed);
	}

	@Test
	void reopeningWithHtmxAnswers422WithoutAReasonAndTheOpenStatusWithOne() throws Exception {
		UUID id = caseInConsultation();
		this.mvc
			.perform(as("coordinator", "TRIAGE", post("/api/v1/cases/" + id + "/status"),
					"{\"status\": \"CLOSED\", \"reason\": \"PERSON_MOVED\"}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/reopening"), "coordinator").param("reason", " "))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("href=\"#reopen-reason\"")))
			.andExpect(content().string(containsString("id=\"reopen-reason-error\"")));
		assertThat(statusOf(id)).isEqualTo("CLOSED");
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/reopening"), "coordinator")
				.param("reason", "Nieuwe meldingen"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("De casus is heropend.")))
			.andExpect(content().string(not(containsString("Nieuwe meldingen"))))
			.andExpect(content().string(containsString("Casus sluiten")));
		assertThat(statusOf(id)).isEqualTo("IN_CONSULTATION");
	}

	@Test
	void aMoveTheCaseDoesNotAllowNowIsRefusedInTheSectionAndChangesNothing() throws Exception {
		UUID id = caseInConsultation();
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/status"), "coordinator")
				.param("status", "MONITORING"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"status-section\"")))
			.andExpect(content().string(containsString("class=\"problem\" role=\"alert\"")));
		assertThat(statusOf(id)).isEqualTo("IN_CONSULTATION");
	}

	@Test
	void onlyTheCoordinatorSteeringTheCaseMovesItWithHtmxAndAnyoneElseFindsNoCase() throws Exception {
		UUID id = caseInConsultation();
		for (String other : new String[] { "coordinator-zuid", "ggz" }) {
			this.mvc
				.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/status"), other)
					.param("status", "CLOSED")
					.param("reason", "GOALS_ACHIEVED")
					.param("confirmed", "true"))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("status-section"))));
			this.mvc
				.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/status"), other)
					.param("status", "CLOSED")
					.param("reason", "GOALS_ACHIEVED"))
				.andExpect(status().isNotFound());
		}
		assertThat(statusOf(id)).isEqualTo("IN_CONSULTATION");
	}

	@Test
	void withoutJavaScriptTheTriageDecisionStillPostsAndRedirectsToTheCasePage() throws Exception {
		UUID id = caseInTriage();
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/triage").with(csrf())
				.with(this.visits.signedIn("coordinator"))
				.param("outcome", "DECLINED"))
			.andExpect(redirectedUrl(CasePageVisits.page(id)))
			.andExpect(flash().attribute("problem", "triage.invalid"));
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/triage").with(csrf())
				.with(this.visits.signedIn("coordinator"))
				.param("outcome", "ACCEPTED"))
			.andExpect(redirectedUrl(CasePageVisits.page(id)))
			.andExpect(flash().attribute("notice", "triage.decided"));
		assertThat(statusOf(id)).isEqualTo("IN_CONSULTATION");
	}

	@Test
	void askingForDisclosureWithHtmxAnswersWithThatItemsQuestionAloneAndDisclosesNothing() throws Exception {
		UUID id = caseInConsultation();
		this.mvc
			.perform(as("coordinator", "TRIAGE", post("/api/v1/cases/" + id + "/participants"),
					"{\"organisation\": \"politie-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}"))
			.andExpect(status().isCreated());
		String contribution = JsonPath.read(this.mvc
			.perform(as("ggz", "CASE_CONSULTATION", post("/api/v1/cases/" + id + "/contributions"),
					"{\"text\": \"Diagnose onder de pet\", \"category\": \"HEALTH\", \"legalBasis\": \"PUBLIC_TASK\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		MockHttpSession session = this.visits.chosen(id, "politie", "CASE_CONSULTATION");
		long disclosed = disclosures(id);
		String ask = CasePageVisits.page(id) + "/contributions/" + contribution + "/requests";
		this.mvc.perform(this.visits.htmx(post(ask), "politie").session(session).param("reason", ""))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"ask-" + contribution + "\"")))
			.andExpect(content().string(containsString("href=\"#request-reason-" + contribution + "\"")))
			.andExpect(content().string(containsString("id=\"request-reason-" + contribution + "-error\"")))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(requests(id)).isZero();
		this.mvc.perform(
				this.visits.htmx(post(ask), "politie").session(session).param("reason", "Nodig voor de risicotaxatie"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Uw verzoek is verstuurd")))
			.andExpect(content().string(not(containsString("Diagnose onder de pet"))))
			.andExpect(content().string(not(containsString("<form"))))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(requests(id)).isOne();
		assertThat(disclosures(id)).as("disclosure rows written by the answers").isEqualTo(disclosed);

		// without JavaScript the question still posts and redirects
		this.mvc
			.perform(post(ask).session(session)
				.with(csrf())
				.with(this.visits.signedIn("politie"))
				.param("reason", "Nog eens, voor het overleg"))
			.andExpect(redirectedUrl(CasePageVisits.page(id)))
			.andExpect(flash().attribute("notice", "request.sent"));
	}

	/** A case in triage, with GGZ admitted and a contribution of its own. */
	private UUID caseInTriage() throws Exception {
		String location = this.visits.caseWithGgzContributions("Status Persoon", "Vertrouwelijke inbreng");
		UUID id = CasePageVisits.idOf(location);
		this.mvc.perform(as("coordinator", "TRIAGE", post(location + "/status"), "{\"status\": \"TRIAGE\"}"))
			.andExpect(status().isOk());
		return id;
	}

	private UUID caseInConsultation() throws Exception {
		UUID id = caseInTriage();
		this.mvc
			.perform(
					as("coordinator", "TRIAGE", post("/api/v1/cases/" + id + "/triage"), "{\"outcome\": \"ACCEPTED\"}"))
			.andExpect(status().isOk());
		return id;
	}

	private String statusOf(UUID id) {
		return this.jdbc.queryForObject("select status from case_file where id = ?", String.class, id);
	}

	private long disclosures(UUID id) {
		return this.jdbc.queryForObject("select count(*) from disclosure where case_id = ?", Long.class, id);
	}

	private long requests(UUID id) {
		return this.jdbc.queryForObject("select count(*) from disclosure_request where case_id = ?", Long.class, id);
	}

}
