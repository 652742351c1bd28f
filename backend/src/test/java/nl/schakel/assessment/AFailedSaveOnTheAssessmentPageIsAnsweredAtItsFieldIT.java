package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.support.DemoApi;
import nl.schakel.support.FieldMessages;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * On the long assessment page and the intervention page, a failed save does not send the
 * reader away to look for the message: the page comes back (422) with a summary at the
 * top of the form that failed, linking to each field in error and focused by the page,
 * the message at the field (read with it by a screen reader), what was typed kept, and
 * nothing written. The other forms on the page stay as they were.
 */
@IntegrationTest
class AFailedSaveOnTheAssessmentPageIsAnsweredAtItsFieldIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aStatutoryBasisWithoutItsArticleComesBackAtTheArticleWithTheRatingKept() throws Exception {
		String id = caseWith("ggz-midden");
		MockHttpSession ggz = session("ggz", id);
		String page = this.mvc
			.perform(as("ggz", ggz, post("/cases/" + id + "/assessment")).param("form", "assess")
				.param("moment", "PLAN_REVIEW")
				.param("legalBasis", "STATUTORY")
				.param("score.psychopathology.treatment", "2")
				.param("justification.psychopathology.treatment", "Behandeling gestopt in mei"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Behandeling gestopt in mei</textarea>")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(FieldMessages.summaryLinks(page, "assess-summary")).containsExactly("assess-statutory");
		assertThat(FieldMessages.describing(page, "assess-statutory"))
			.containsExactly("Noem het wetsartikel (hoogstens 200 tekens).");
		assertThat(FieldMessages.invalid(page, "assess-statutory")).isTrue();
		// what was chosen stays chosen
		assertThat(page).containsPattern("<option value=\"PLAN_REVIEW\" selected=\"selected\">")
			.containsPattern("<option value=\"STATUTORY\" selected=\"selected\">")
			.containsPattern("name=\"score.psychopathology.treatment\" value=\"2\" checked=\"checked\"");
		assertThat(this.jdbc.queryForObject("select count(*) from assessment_rating where case_id = ?", Integer.class,
				UUID.fromString(id)))
			.isZero();
	}

	@Test
	void theJudgementWithoutItsJustificationIsAnsweredInItsOwnFormAndTheOtherFormsStayEmpty() throws Exception {
		String id = caseWith("ggz-midden");
		MockHttpSession coordinator = session("coordinator", id);
		String page = this.mvc
			.perform(as("coordinator", coordinator, post("/cases/" + id + "/assessment")).param("form", "judge")
				.param("moment", "PLAN_REVIEW")
				.param("integratedJudgement", "Isolement en zingeving versterken elkaar")
				.param("concernLevel", "HIGH"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Isolement en zingeving versterken elkaar</textarea>")))
			.andExpect(content().string(not(containsString("id=\"choose-summary\""))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(FieldMessages.summaryLinks(page, "judge-summary")).containsExactly("judge-why");
		assertThat(FieldMessages.describing(page, "judge-why"))
			.containsExactly("Een zorgniveau vraagt een onderbouwing (hoogstens 4000 tekens).");
		assertThat(page).containsPattern("name=\"concernLevel\" value=\"HIGH\"[^>]*checked=\"checked\"");
		// the chosen moment belongs to the judgement's form, not to the intervention's
		assertThat(page).containsPattern(
				"id=\"judge-moment\"[^>]*>\\s*<option value=\"INTAKE\">[^<]*</option>\\s*<option value=\"PLAN_REVIEW\" selected=\"selected\">");
	}

	@Test
	void aLicensedInstrumentWithoutItsAdministratorComesBackInTheOpenedPanel() throws Exception {
		String id = caseWith("politie-midden");
		MockHttpSession politie = session("politie", id);
		String page = this.mvc
			.perform(as("politie", politie, post("/cases/" + id + "/assessment")).param("form", "licensed")
				.param("licensedInstrument.name", "VERA-2R")
				.param("licensedInstrument.administeredOn", LocalDate.now().minusDays(3).toString())
				.param("licensedInstrument.overallLevel", "Gemiddeld"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<details class=\"panel\" id=\"licensed\" open=\"open\">")))
			.andExpect(content().string(containsString("value=\"VERA-2R\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(FieldMessages.summaryLinks(page, "licensed-summary")).containsExactly("licensed-administeredBy");
		assertThat(FieldMessages.describing(page, "licensed-administeredBy"))
			.containsExactly("Door wie is het afgenomen?");
	}

	@Test
	void anInterventionWithoutDurationOrPartnerIsAnsweredAtBothFieldsWithTheChoicesKeptThenChosen() throws Exception {
		String id = caseWith("ggz-midden", "gemeente-midden");
		MockHttpSession coordinator = session("coordinator", id);
		String page = this.mvc
			.perform(as("coordinator", coordinator, post("/cases/" + id + "/interventions"))
				.param("intervention", "mentoring")
				.param("startedOn", LocalDate.now().minusMonths(1).toString())
				.param("addressedDomains", "social-context")
				.param("involvedPersons0.name", "Buurtvader Hamid")
				.param("involvedPersons0.role", "sleutelfiguur"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"Buurtvader Hamid\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(FieldMessages.summaryLinks(page, "choose-summary")).containsExactly("choose-weeks", "part-org-0");
		assertThat(FieldMessages.describing(page, "choose-weeks"))
			.containsExactly("Verwachte duur in weken, 1 tot 520.");
		assertThat(FieldMessages.describing(page, "part-org-0"))
			.containsExactly("Noem minstens één uitvoerende partner en haar deel.");
		assertThat(page).containsPattern("<option value=\"mentoring\" selected=\"selected\">")
			.containsPattern("name=\"addressedDomains\" value=\"social-context\" checked=\"checked\"");
		assertThat(this.jdbc.queryForObject("select count(*) from case_intervention where case_id = ?", Integer.class,
				UUID.fromString(id)))
			.isZero();
		// the same form, completed, is chosen as before
		this.mvc
			.perform(as("coordinator", coordinator, post("/cases/" + id + "/interventions"))
				.param("intervention", "mentoring")
				.param("startedOn", LocalDate.now().minusMonths(1).toString())
				.param("expectedWeeks", "26")
				.param("addressedDomains", "social-context")
				.param("parts0.organisation", "gemeente-midden")
				.param("parts0.description", "Mentor"))
			.andExpect(redirectedUrl("/cases/" + id + "/assessment"));
	}

	@Test
	void aBarrierWithoutItsKindIsAnsweredAtTheKindOfThatInterventionWithTheResponseKept() throws Exception {
		String id = caseWith("ggz-midden", "gemeente-midden");
		String url = "/api/v1/cases/" + id;
		this.mvc
			.perform(DemoApi.as("coordinator", "CASE_CONSULTATION", post(url + "/interventions"),
					InterventionsAreFollowedUpAndEvaluatedIT.mentoring(LocalDate.now().minusMonths(2))))
			.andExpect(status().isCreated());
		MockHttpSession gemeente = session("gemeente", id);
		String before = this.mvc.perform(as("gemeente", gemeente, get("/cases/" + id + "/assessment")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String intervention = before.replaceAll("(?s).*id=\"i-([0-9a-f-]{36})\".*", "$1");
		String page = this.mvc
			.perform(as("gemeente", gemeente, post("/cases/" + id + "/interventions/" + intervention + "/barriers"))
				.param("occurredOn", LocalDate.now().minusDays(2).toString())
				.param("response", "Gesprek met de imam gevraagd"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Gesprek met de imam gevraagd</textarea>")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String b = "barrier-" + intervention;
		assertThat(FieldMessages.summaryLinks(page, b + "-summary")).containsExactly(b + "-kind");
		assertThat(FieldMessages.describing(page, b + "-kind")).containsExactly("Kies een soort barrière.");
		// the outcome's form of the same intervention is not in error
		assertThat(FieldMessages.invalid(page, "outcome-" + intervention + "-endedOn")).isFalse();
		this.mvc
			.perform(as("gemeente", gemeente, post("/cases/" + id + "/interventions/" + intervention + "/barriers"))
				.param("kind", "DISTRUST")
				.param("occurredOn", LocalDate.now().minusDays(2).toString())
				.param("response", "Gesprek met de imam gevraagd"))
			.andExpect(redirectedUrl("/cases/" + id + "/assessment"));
	}

	@Test
	void aNoteWithoutWhatWorkedIsAnsweredAtTheFieldInTheSummaryOfItsForm() throws Exception {
		String page = this.mvc
			.perform(post("/interventions/mentoring/notes").with(csrf())
				.with(user(this.accounts.loadUserByUsername("ggz")))
				.param("whatWorked", "")
				.param("circumstances", "Na schooltijd"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Na schooltijd</textarea>")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(FieldMessages.summaryLinks(page, "note-summary")).containsExactly("note-whatWorked");
		assertThat(FieldMessages.describing(page, "note-whatWorked"))
			.containsExactly("Beschrijf wat werkte (hoogstens 2000 tekens).");
	}

	@Test
	void anEmptyCorrectionComesBackInItsOpenPanelWithWhatWasTypedAndTheNoteUnchanged() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		this.mvc
			.perform(post("/interventions/mentoring/notes").with(csrf())
				.with(user(this.accounts.loadUserByUsername("ggz")))
				.param("whatWorked", "Vaste mentor " + tag))
			.andExpect(redirectedUrl("/interventions/mentoring"));
		UUID note = this.jdbc.queryForObject("select id from intervention_note where what_worked = ?", UUID.class,
				"Vaste mentor " + tag);
		String page = this.mvc
			.perform(post("/interventions/mentoring/notes/" + note + "/correction").with(csrf())
				.with(user(this.accounts.loadUserByUsername("ggz")))
				.param("whatWorked", " ")
				.param("forWhom", "Jongeren tot 18 " + tag))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Jongeren tot 18 " + tag + "</textarea>")))
			.andExpect(content().string(containsString("id=\"note-" + note + "\" open=\"open\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String c = "correct-" + note + "-";
		assertThat(FieldMessages.summaryLinks(page, c + "summary")).containsExactly(c + "whatWorked");
		assertThat(FieldMessages.describing(page, c + "whatWorked"))
			.containsExactly("Beschrijf wat werkte (hoogstens 2000 tekens).");
		// the form for a new note is not in error
		assertThat(FieldMessages.invalid(page, "note-whatWorked")).isFalse();
		assertThat(
				this.jdbc.queryForObject("select what_worked from intervention_note where id = ?", String.class, note))
			.isEqualTo("Vaste mentor " + tag);
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

	private MockHttpServletRequestBuilder as(String username, MockHttpSession session,
			MockHttpServletRequestBuilder request) {
		return request.session(session).with(csrf()).with(user(this.accounts.loadUserByUsername(username)));
	}

}
