package nl.schakel.meeting;

import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.CasePageVisits;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * The meeting page's forms under htmx: attendance answers with the agenda's attendance
 * lists, the minutes with the emptied form and the minutes as written, an action with the
 * emptied form and the case's open actions; a mistake answers 422 with the message at its
 * field and what was typed kept. No answer reads minutes through the gate, so none writes
 * a disclosure. Without JavaScript the same forms post and redirect.
 */
@IntegrationTest
class MeetingFormsAnswerWithOnlyTheAgendaItemsPartIT {

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
	void attendanceWithHtmxAnswersWithTheAgendasAttendanceListsAndDisclosesNothing() throws Exception {
		UUID caseId = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Aanwezig Persoon"));
		String meeting = meetingWith(caseId);
		long disclosed = disclosures(caseId);
		this.mvc
			.perform(this.visits.htmx(post("/meetings/" + meeting + "/attendance"), "coordinator")
				.param("organisation", "ggz-midden")
				.param("present", "true")
				.param("agendaCase", caseId.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"attendance-" + caseId + "\"")))
			.andExpect(content().string(containsString("De aanwezigheid is vastgelegd.")))
			.andExpect(content().string(containsString("aanwezig</strong>")))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(this.jdbc.queryForObject(
				"select present from meeting_attendance where meeting_id = ?::uuid and organisation = 'ggz-midden'",
				Boolean.class, meeting))
			.isTrue();
		assertThat(disclosures(caseId)).as("disclosure rows written by the answer").isEqualTo(disclosed);
	}

	@Test
	void minutesWithHtmxAnswerWithTheEmptiedFormAndTheMinutesAsWrittenOr422WithTheMessageAtTheField() throws Exception {
		UUID caseId = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Verslag Persoon"));
		String meeting = meetingWith(caseId);
		String minutes = "/meetings/" + meeting + "/cases/" + caseId + "/minutes";
		long disclosed = disclosures(caseId);
		this.mvc
			.perform(this.visits.htmx(post(minutes), "coordinator")
				.param("text", "Afgesproken: huisbezoek volgende week")
				.param("audienceOrganisations", "ggz-midden"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"minutes-" + caseId + "\"")))
			.andExpect(content().string(containsString("class=\"problem error-summary\" role=\"alert\"")))
			.andExpect(content().string(containsString("href=\"#minutes-category-" + caseId + "\"")))
			.andExpect(content().string(containsString("id=\"minutes-category-" + caseId + "-error\"")))
			.andExpect(content().string(containsString("Kies een gegevenscategorie.")))
			.andExpect(content().string(containsString(">Afgesproken: huisbezoek volgende week</textarea>")))
			.andExpect(content().string(containsString(
					"value=\"ggz-midden\" id=\"minutes-aud-" + caseId + "-ggz-midden\" checked=\"checked\"")));
		assertThat(minutesOf(caseId)).isZero();
		this.mvc
			.perform(this.visits.htmx(post(minutes), "coordinator")
				.param("text", "Afgesproken: huisbezoek volgende week")
				.param("category", "SOCIAL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Het verslag is opgeslagen.")))
			.andExpect(
					content().string(containsString("<p class=\"content\">Afgesproken: huisbezoek volgende week</p>")))
			.andExpect(content().string(not(containsString("volgende week</textarea>"))))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(minutesOf(caseId)).isOne();
		assertThat(disclosures(caseId)).as("disclosure rows written by the answers").isEqualTo(disclosed);
	}

	@Test
	void anActionFromTheMeetingWithHtmxAnswersWithTheEmptiedFormAndTheCasesOpenActions() throws Exception {
		UUID caseId = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Actie Overleg Persoon"));
		String meeting = meetingWith(caseId);
		String actions = "/meetings/" + meeting + "/cases/" + caseId + "/actions";
		long disclosed = disclosures(caseId);
		this.mvc
			.perform(this.visits.htmx(post(actions), "coordinator")
				.param("description", "Gesprek met de huisarts")
				.param("organisation", "ggz-midden"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"action-due-" + caseId + "-error\"")))
			.andExpect(content().string(containsString(">Gesprek met de huisarts</textarea>")))
			.andExpect(content().string(not(containsString("open-actions-"))));
		this.mvc
			.perform(this.visits.htmx(post(actions), "coordinator")
				.param("description", "Gesprek met de huisarts")
				.param("organisation", "ggz-midden")
				.param("due", LocalDate.now().plusDays(7).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"meeting-action-" + caseId + "\"")))
			.andExpect(content().string(containsString("De actie is toegevoegd aan het plan van aanpak.")))
			.andExpect(content().string(containsString("Gesprek met de huisarts")))
			.andExpect(content().string(containsString("id=\"open-actions-" + caseId + "\" hx-swap-oob=\"true\"")))
			.andExpect(content().string(not(containsString("huisarts</textarea>"))));
		assertThat(this.jdbc.queryForObject("select count(*) from case_action where case_id = ?", Long.class, caseId))
			.isOne();
		assertThat(disclosures(caseId)).as("disclosure rows written by the answers").isEqualTo(disclosed);
	}

	@Test
	void withoutJavaScriptTheMeetingsFormsStillPostAndRedirectToTheMeetingPage() throws Exception {
		UUID caseId = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Zonder Script Overleg Persoon"));
		String meeting = meetingWith(caseId);
		this.mvc
			.perform(post("/meetings/" + meeting + "/cases/" + caseId + "/minutes").with(csrf())
				.with(this.visits.signedIn("coordinator"))
				.param("text", "Gewoon gepost")
				.param("category", "GENERAL"))
			.andExpect(redirectedUrl("/meetings/" + meeting))
			.andExpect(flash().attribute("notice", "minutes.written"));
		this.mvc
			.perform(post("/meetings/" + meeting + "/attendance").with(csrf())
				.with(this.visits.signedIn("coordinator"))
				.param("organisation", "ggz-midden")
				.param("present", "false"))
			.andExpect(redirectedUrl("/meetings/" + meeting))
			.andExpect(flash().attribute("notice", "meeting.attendance.recorded"));
	}

	private String meetingWith(UUID caseId) throws Exception {
		return JsonPath.read(this.mvc
			.perform(as("coordinator", "CASE_CONSULTATION", post("/api/v1/meetings"),
					"{\"startsAt\": \"2026-12-10T10:00:00+01:00\", \"caseIds\": [\"" + caseId + "\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	private long disclosures(UUID id) {
		return this.jdbc.queryForObject("select count(*) from disclosure where case_id = ?", Long.class, id);
	}

	private long minutesOf(UUID id) {
		return this.jdbc.queryForObject("select count(*) from minutes where case_id = ?", Long.class, id);
	}

}
