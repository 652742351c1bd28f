package nl.schakel.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.CasePageVisits;
import nl.schakel.support.IntegrationTest;
import nl.schakel.web.FieldProblem;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The plan of action's forms under htmx: adding an action answers with the emptied form,
 * the notice and the new row as the coordinator wrote it (the whole list when it is the
 * plan's first action); reporting on an action answers with that action's row, its
 * description and notes kept by the browser. A mistake answers 422 with the message at
 * its field and what was typed kept. No answer reads the plan through the gate, so none
 * writes a disclosure. Without JavaScript the same forms post and redirect.
 */
@IntegrationTest
class PlanFormsAnswerWithOnlyTheChangedActionIT {

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
	void theFirstActionAddedWithHtmxAnswersWithTheListOfThatOneRowAndTheEmptiedFormAndDisclosesNothing()
			throws Exception {
		UUID id = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Plan Persoon", "Inbreng van GGZ"));
		long disclosed = disclosures(id);
		String due = LocalDate.now().plusDays(14).toString();
		this.mvc
			.perform(this.visits.htmx(post(actions(id)), "coordinator")
				.param("description", "Huisbezoek afleggen met de wijkagent")
				.param("organisation", "ggz-midden")
				.param("due", due))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"plan-assign\"")))
			.andExpect(content().string(containsString("De actie is toegevoegd aan het plan van aanpak.")))
			.andExpect(content().string(containsString("Huisbezoek afleggen met de wijkagent")))
			// the plan had no actions: the list comes along, with this one row
			.andExpect(content().string(containsString("id=\"plan-actions\" hx-swap-oob=\"true\"")))
			.andExpect(content().string(containsString("id=\"plan-rows\"")))
			.andExpect(content().string(containsString("/actions/")))
			// the form is empty for the next action
			.andExpect(content().string(containsString("<option value=\"ggz-midden\">")))
			.andExpect(content().string(not(containsString("wijkagent</textarea>"))))
			.andExpect(content().string(not(containsString("Inbreng van GGZ"))))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(actionsOf(id)).isOne();
		assertThat(disclosures(id)).as("disclosure rows written by the answer").isEqualTo(disclosed);
	}

	@Test
	void aNextActionAddedWithHtmxAnswersWithItsRowAddedToTheListOnly() throws Exception {
		UUID id = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Tweede Actie Persoon"));
		assign(id, "Eerste actie, vertrouwelijk");
		long disclosed = disclosures(id);
		this.mvc
			.perform(this.visits.htmx(post(actions(id)), "coordinator")
				.param("description", "Tweede actie")
				.param("organisation", "ggz-midden")
				.param("due", LocalDate.now().plusDays(3).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-swap-oob=\"beforeend:#plan-rows\"")))
			.andExpect(content().string(containsString("Tweede actie")))
			.andExpect(content().string(not(containsString("Eerste actie, vertrouwelijk"))))
			.andExpect(content().string(not(containsString("id=\"plan-actions\""))));
		assertThat(actionsOf(id)).isEqualTo(2);
		assertThat(disclosures(id)).as("disclosure rows written by the answer").isEqualTo(disclosed);
	}

	@Test
	void aFailedHtmxActionAnswers422WithTheMessageAtTheFieldAndKeepsWhatWasTyped() throws Exception {
		UUID id = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Fout Plan Persoon"));
		this.mvc
			.perform(this.visits.htmx(post(actions(id)), "coordinator")
				.param("description", "Gesprek met school")
				.param("organisation", "ggz-midden"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"plan-assign\"")))
			.andExpect(content().string(containsString("class=\"problem error-summary\" role=\"alert\"")))
			.andExpect(content().string(containsString("href=\"#action-due\"")))
			.andExpect(content().string(containsString("id=\"action-due-error\"")))
			.andExpect(content().string(containsString("Vul de uiterste datum in.")))
			.andExpect(content().string(containsString(">Gesprek met school</textarea>")))
			.andExpect(content().string(containsString("<option value=\"ggz-midden\" selected=\"selected\"")))
			.andExpect(content().string(not(containsString("hx-swap-oob"))))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(actionsOf(id)).isZero();
	}

	@Test
	void reportingWithHtmxAnswersWithThatActionsRowKeepingItsDescriptionAndDisclosesNothing() throws Exception {
		UUID id = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Voortgang Persoon"));
		String action = assign(id, "Intake plannen, vertrouwelijk");
		MockHttpSession session = this.visits.chosen(id, "ggz", "CASE_CONSULTATION");
		long disclosed = disclosures(id);
		String report = actions(id) + "/" + action + "/status";
		this.mvc.perform(this.visits.htmx(post(report), "ggz").session(session).param("status", "CANCELLED"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"action-" + action + "\"")))
			.andExpect(content().string(containsString("href=\"#action-note-" + action + "\"")))
			.andExpect(content().string(containsString("id=\"action-note-" + action + "-error\"")))
			.andExpect(content().string(containsString("Geef de reden van het annuleren.")))
			.andExpect(content().string(containsString("<option value=\"CANCELLED\" selected=\"selected\"")));
		assertThat(statusOf(action)).isEqualTo("OPEN");
		this.mvc
			.perform(this.visits.htmx(post(report), "ggz")
				.session(session)
				.param("status", "DONE")
				.param("note", "Intake gehouden"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"action-" + action + "\"")))
			.andExpect(content().string(containsString("De status van de actie is bijgewerkt.")))
			.andExpect(content().string(containsString("Intake gehouden")))
			.andExpect(content().string(containsString("Gereed")))
			// the description stays in the browser as the page showed it
			.andExpect(
					content().string(containsString("id=\"action-" + action + "-description\" hx-preserve=\"true\"")))
			.andExpect(content().string(not(containsString("Intake plannen, vertrouwelijk"))))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(statusOf(action)).isEqualTo("DONE");
		assertThat(disclosures(id)).as("disclosure rows written by the answers").isEqualTo(disclosed);
	}

	@Test
	void reportingOnAnotherOrganisationsActionWithHtmxSendsTheBrowserToTheCasePageAndChangesNothing() throws Exception {
		UUID id = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Andermans Actie Persoon"));
		this.mvc
			.perform(as("coordinator", "TRIAGE", post("/api/v1/cases/" + id + "/participants"),
					"{\"organisation\": \"politie-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}"))
			.andExpect(status().isCreated());
		String action = assign(id, "Actie voor GGZ");
		MockHttpSession session = this.visits.chosen(id, "politie", "CASE_CONSULTATION");
		this.mvc
			.perform(this.visits.htmx(post(actions(id) + "/" + action + "/status"), "politie")
				.session(session)
				.param("status", "DONE"))
			.andExpect(status().isNoContent())
			.andExpect(header().string("HX-Redirect", CasePageVisits.page(id)));
		assertThat(statusOf(action)).isEqualTo("OPEN");
	}

	@Test
	void withoutJavaScriptThePlansFormsStillPostAndRedirectToTheCasePage() throws Exception {
		UUID id = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Zonder Script Plan Persoon"));
		this.mvc
			.perform(post(actions(id)).with(csrf())
				.with(this.visits.signedIn("coordinator"))
				.param("description", "Gewoon gepost")
				.param("organisation", "ggz-midden")
				.param("due", LocalDate.now().plusDays(5).toString()))
			.andExpect(redirectedUrl(CasePageVisits.page(id)))
			.andExpect(flash().attribute("notice", "plan.assigned"));
		this.mvc
			.perform(post(actions(id)).with(csrf())
				.with(this.visits.signedIn("coordinator"))
				.param("organisation", "ggz-midden"))
			.andExpect(redirectedUrl(CasePageVisits.page(id)))
			.andExpect(flash().attribute("problem", "plan.invalid"));
		String action = this.jdbc.queryForObject("select id from case_action where case_id = ?", String.class, id);
		MockHttpSession session = this.visits.chosen(id, "ggz", "CASE_CONSULTATION");
		// a mistake: the message goes to that action's row, with what was chosen
		this.mvc
			.perform(post(actions(id) + "/" + action + "/status").session(session)
				.with(csrf())
				.with(this.visits.signedIn("ggz"))
				.param("status", "CANCELLED"))
			.andExpect(redirectedUrl(CasePageVisits.page(id)))
			.andExpect(flash().attribute("problem", "plan.report.invalid"))
			.andExpect(flash().attribute("reported", UUID.fromString(action)));
		this.mvc
			.perform(get(CasePageVisits.page(id)).session(session)
				.with(this.visits.signedIn("ggz"))
				.flashAttr("reported", UUID.fromString(action))
				.flashAttr("reportProblems", List.of(new FieldProblem("note", "Geef de reden van het annuleren.")))
				.flashAttr("reportForm", new StatusUpdate(ActionStatus.CANCELLED, null)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"action-note-" + action + "-error\"")))
			.andExpect(content().string(containsString("<option value=\"CANCELLED\" selected=\"selected\"")));
		this.mvc
			.perform(post(actions(id) + "/" + action + "/status").session(session)
				.with(csrf())
				.with(this.visits.signedIn("ggz"))
				.param("status", "IN_PROGRESS"))
			.andExpect(redirectedUrl(CasePageVisits.page(id)))
			.andExpect(flash().attribute("notice", "plan.reported"));
		assertThat(statusOf(action)).isEqualTo("IN_PROGRESS");
	}

	private String assign(UUID id, String description) throws Exception {
		return JsonPath.read(this.mvc
			.perform(as("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + id + "/actions"),
					"{\"description\": \"" + description + "\", \"organisation\": \"ggz-midden\", \"due\": \""
							+ LocalDate.now().plusDays(9) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	private static String actions(UUID id) {
		return CasePageVisits.page(id) + "/actions";
	}

	private long disclosures(UUID id) {
		return this.jdbc.queryForObject("select count(*) from disclosure where case_id = ?", Long.class, id);
	}

	private long actionsOf(UUID id) {
		return this.jdbc.queryForObject("select count(*) from case_action where case_id = ?", Long.class, id);
	}

	private String statusOf(String action) {
		return this.jdbc.queryForObject("select status from case_action where id = ?::uuid", String.class, action);
	}

}
