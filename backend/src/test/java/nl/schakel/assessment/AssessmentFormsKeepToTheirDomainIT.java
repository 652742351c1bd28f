package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.List;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The forms of the assessment page: each partner rates only its own domains, the
 * coordinator adds the integrated judgement and chooses an intervention, a delivering
 * partner records the outcome; bad input is answered at the field with the input kept and
 * nothing written; the trend chart is drawn by a script from 'self' under the CSP.
 */
@IntegrationTest
class AssessmentFormsKeepToTheirDomainIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void aCarePartnerIsOfferedOnlyItsOwnDomainsAndItsRatingAppearsInTheTrend() throws Exception {
		String id = caseWith("ggz-midden", "politie-midden");
		MockHttpSession ggz = session("ggz", id);
		page("ggz", ggz, id).andExpect(content().string(containsString("name=\"score.psychopathology.substance-use\"")))
			.andExpect(content().string(not(containsString("name=\"score.ideology-phase."))))
			.andExpect(content().string(not(containsString("name=\"integratedJudgement\""))));
		this.mvc
			.perform(as("ggz", ggz, post("/cases/" + id + "/assessment")).param("moment", "INTAKE")
				.param("score.psychopathology.substance-use", "2")
				.param("justification.psychopathology.substance-use", "Blowt dagelijks"))
			.andExpect(redirectedUrl("/cases/" + id + "/assessment"));
		page("ggz", ggz, id).andExpect(content().string(containsString("<caption>Psychopathologie</caption>")))
			.andExpect(content().string(containsString("substance-use: 2")))
			.andExpect(content().string(containsString("data-chart=")));
		page("politie", session("politie", id), id)
			.andExpect(content().string(containsString("GGZ Midden heeft dit domein beoordeeld")))
			.andExpect(content().string(not(containsString("substance-use: 2"))));
	}

	@Test
	void aScoreOffTheScaleIsAnsweredAtTheItemWithTheJustificationKeptAndNothingWritten() throws Exception {
		String id = caseWith("ggz-midden");
		MockHttpSession ggz = session("ggz", id);
		this.mvc
			.perform(as("ggz", ggz, post("/cases/" + id + "/assessment")).param("moment", "INTAKE")
				.param("score.psychopathology.substance-use", "9")
				.param("justification.psychopathology.substance-use", "Tekst die blijft staan"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"score-psychopathology-substance-use-error\"")))
			.andExpect(content().string(containsString("Kies een van de ankers van de schaal.")))
			.andExpect(content().string(containsString("Tekst die blijft staan</textarea>")))
			.andExpect(content().string(containsString("Er is niets opgeslagen.")))
			.andExpect(content().string(containsString("Nog geen beoordelingen")));
	}

	@Test
	void thePoliceCannotRateTheCareDomainThroughTheFormEither() throws Exception {
		String id = caseWith("politie-midden");
		MockHttpSession politie = session("politie", id);
		this.mvc
			.perform(as("politie", politie, post("/cases/" + id + "/assessment"))
				.param("score.psychopathology.substance-use", "3"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Dit mag uw organisatie hier niet vastleggen.")))
			.andExpect(content().string(containsString("Nog geen beoordelingen")));
	}

	@Test
	void theCoordinatorsJudgementNeedsAJustificationAndThenShowsItsConcernLevel() throws Exception {
		String id = caseWith("ggz-midden");
		MockHttpSession coordinator = session("coordinator", id);
		page("coordinator", coordinator, id).andExpect(content().string(containsString("name=\"integratedJudgement\"")))
			.andExpect(content().string(containsString("<legend>Zorgniveau</legend>")));
		this.mvc
			.perform(as("coordinator", coordinator, post("/cases/" + id + "/assessment")).param("form", "judge")
				.param("integratedJudgement", "Behoefte aan betekenis en recente vernedering versterken elkaar")
				.param("concernLevel", "HIGH"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Een zorgniveau vraagt een onderbouwing")))
			.andExpect(content().string(containsString("versterken elkaar</textarea>")));
		this.mvc
			.perform(as("coordinator", coordinator, post("/cases/" + id + "/assessment")).param("form", "judge")
				.param("integratedJudgement", "Behoefte aan betekenis en recente vernedering versterken elkaar")
				.param("concernLevel", "HIGH")
				.param("concernJustification", "Actuele dreiging geuit"))
			.andExpect(redirectedUrl("/cases/" + id + "/assessment"));
		page("coordinator", coordinator, id).andExpect(content().string(containsString("Zorgniveau: Hoog")))
			.andExpect(content().string(containsString("Actuele dreiging geuit")));
	}

	@Test
	void aLicensedInstrumentAdministeredElsewhereIsRecordedWithoutItsItems() throws Exception {
		String id = caseWith("politie-midden");
		MockHttpSession politie = session("politie", id);
		this.mvc
			.perform(as("politie", politie, post("/cases/" + id + "/assessment")).param("form", "licensed")
				.param("licensedInstrument.name", "VERA-2R")
				.param("licensedInstrument.administeredBy", "Forensisch psycholoog NIFP")
				.param("licensedInstrument.administeredOn", LocalDate.now().minusDays(3).toString())
				.param("licensedInstrument.overallLevel", "Gemiddeld"))
			.andExpect(redirectedUrl("/cases/" + id + "/assessment"));
	}

	@Test
	void theCoordinatorChoosesAnInterventionAndTheDeliveringPartnerRecordsItsOutcome() throws Exception {
		String id = caseWith("ggz-midden", "gemeente-midden");
		MockHttpSession coordinator = session("coordinator", id);
		page("coordinator", coordinator, id).andExpect(content().string(containsString("<option value=\"mentoring\"")))
			.andExpect(content().string(containsString("GGZ Midden</option>")));
		this.mvc
			.perform(as("coordinator", coordinator, post("/cases/" + id + "/interventions"))
				.param("intervention", "mentoring")
				.param("startedOn", LocalDate.now().minusMonths(4).toString())
				.param("expectedWeeks", "26")
				.param("addressedDomains", "psychological-needs", "social-context")
				.param("parts0.organisation", "gemeente-midden")
				.param("parts0.description", "Mentor en dagbesteding")
				.param("involvedPersons0.name", "Imam El Amrani")
				.param("involvedPersons0.role", "sleutelfiguur"))
			.andExpect(redirectedUrl("/cases/" + id + "/assessment"));
		MockHttpSession gemeente = session("gemeente", id);
		String page = page("gemeente", gemeente, id)
			.andExpect(content().string(containsString("Imam El Amrani (sleutelfiguur)")))
			.andExpect(content().string(containsString("Uitkomst vastleggen")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String interventionId = page.replaceAll("(?s).*id=\"i-([0-9a-f-]{36})\".*", "$1");
		this.mvc
			.perform(as("gemeente", gemeente, post("/cases/" + id + "/interventions/" + interventionId + "/outcome"))
				.param("outcome", "STOPPED_EARLY")
				.param("endedOn", LocalDate.now().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Waarom is de interventie voortijdig gestopt")));
		this.mvc
			.perform(as("gemeente", gemeente, post("/cases/" + id + "/interventions/" + interventionId + "/outcome"))
				.param("outcome", "COMPLETED")
				.param("endedOn", LocalDate.now().toString()))
			.andExpect(redirectedUrl("/cases/" + id + "/assessment"));
		page("coordinator", coordinator, id).andExpect(content().string(containsString(">Voltooid<")))
			.andExpect(content().string(not(containsString("Uitkomst vastleggen"))));
	}

	@Test
	void theTrendChartIsDrawnByAScriptFromSelfWithoutLooseningTheCsp() throws Exception {
		String id = caseWith("ggz-midden");
		page("ggz", session("ggz", id), id).andExpect(content().string(containsString("/dist/echarts.min.js\"")))
			.andExpect(content().string(containsString("/js/charts.js")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))));
		this.mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
		this.mvc.perform(get("/js/charts.js")).andExpect(status().isOk());
	}

	private String caseWith(String... organisations) throws Exception {
		String url = AssessmentIsRatedPerDomainIT.register(this.mvc);
		for (String organisation : List.of(organisations)) {
			AssessmentIsRatedPerDomainIT.admit(this.mvc, url, organisation);
		}
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private MockHttpSession session(String username, String id) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(as(username, session, post("/cases/" + id + "/purpose")).param("purpose", "CASE_CONSULTATION"));
		return session;
	}

	private ResultActions page(String username, MockHttpSession session, String id) throws Exception {
		return this.mvc.perform(as(username, session, get("/cases/" + id + "/assessment"))).andExpect(status().isOk());
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpSession session,
			MockHttpServletRequestBuilder request) {
		return request.session(session).with(csrf()).with(user(this.accounts.loadUserByUsername(username)));
	}

}
