package nl.schakel.plan;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The plan of action: the coordinator assigns actions to admitted organisations, each
 * organisation reports on its own, descriptions and notes are read through the gate, and
 * the plan holds the case's status back.
 */
@IntegrationTest
class PlanOfActionIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService accounts;

	@Test
	void theCoordinatorAssignsAnActionToAnAdmittedOrganisationAndItsParticipantsReadItWithTheOverdueFlag()
			throws Exception {
		String c = newCase();
		admit(c, "ggz-midden");
		admit(c, "politie-midden");
		MockHttpServletResponse created = call("coordinator", post(actions(c)),
				"{\"description\": \"Psychiatrisch onderzoek plannen\", \"organisation\": \"ggz-midden\", \"due\": \"2026-12-17\"}");
		assertThat(created.getStatus()).isEqualTo(201);
		assertThat(created.getHeader("Location")).contains(actions(c) + "/");
		call("coordinator", post(actions(c)),
				"{\"description\": \"Huisbezoek afleggen\", \"organisation\": \"politie-midden\", \"due\": \"2020-01-10\"}");
		String plan = call("ggz", get(actions(c)), null).getContentAsString();
		assertThat(JsonPath.<java.util.List<String>>read(plan, "$.items[*].description"))
			.containsExactly("Huisbezoek afleggen", "Psychiatrisch onderzoek plannen");
		assertThat(JsonPath.<java.util.List<Boolean>>read(plan, "$.items[*].overdue")).containsExactly(true, false);
		// the reads were recorded as disclosures of the actions
		Integer logged = this.jdbc.queryForObject(
				"select count(*) from disclosure where case_id = ?::uuid and item_kind = 'ACTION' and actor = 'ggz'",
				Integer.class, c);
		assertThat(logged).isEqualTo(2);
		// a partner not admitted finds no case
		assertThat(call("om", get(actions(c)), null).getStatus()).isEqualTo(404);
		// HEAD would run the read and log disclosures nobody received
		assertThat(
				call("ggz", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head(actions(c)), null)
					.getStatus())
			.isEqualTo(405);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from disclosure where case_id = ?::uuid and item_kind = 'ACTION' and actor = 'ggz'",
				Integer.class, c))
			.isEqualTo(2);
	}

	@Test
	void anActionForAnOrganisationNotAdmittedIsRefusedNamingTheOrganisationAndNothingIsWritten() throws Exception {
		String c = newCase();
		admit(c, "ggz-midden");
		MockHttpServletResponse refused = call("coordinator", post(actions(c)),
				"{\"description\": \"Iets doen\", \"organisation\": \"om-midden\", \"due\": \"2026-12-17\"}");
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("\"field\":\"organisation\"");
		MockHttpServletResponse noDue = call("coordinator", post(actions(c)),
				"{\"description\": \"Iets doen\", \"organisation\": \"ggz-midden\"}");
		assertThat(noDue.getStatus()).isEqualTo(400);
		assertThat(noDue.getContentAsString()).contains("\"field\":\"due\"");
		assertThat(
				this.jdbc.queryForObject("select count(*) from case_action where case_id = ?::uuid", Integer.class, c))
			.isZero();
	}

	@Test
	void aPartnerUpdatesItsOwnActionButNotAnotherOrganisations() throws Exception {
		String c = newCase();
		admit(c, "ggz-midden");
		admit(c, "politie-midden");
		String ggzAction = assign(c, "ggz-midden", "2026-12-17");
		String politieAction = assign(c, "politie-midden", "2026-12-17");
		assertThat(
				call("ggz", post(actions(c) + "/" + politieAction + "/status"), "{\"status\": \"DONE\"}").getStatus())
			.isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select status from case_action where id = ?::uuid", String.class,
				politieAction))
			.isEqualTo("OPEN");
		MockHttpServletResponse done = call("ggz", post(actions(c) + "/" + ggzAction + "/status"),
				"{\"status\": \"DONE\", \"note\": \"Onderzoek afgerond, verslag bij de huisarts\"}");
		assertThat(done.getStatus()).isEqualTo(200);
		assertThat(JsonPath.<String>read(done.getContentAsString(), "$.status")).isEqualTo("DONE");
		// the note is sealed at rest and read through the gate
		assertThat(this.jdbc.queryForObject(
				"select count(*) from action_note where action_id = ?::uuid"
						+ " and position(convert_to('afgerond', 'UTF8') in content_ciphertext) > 0",
				Integer.class, ggzAction))
			.isZero();
		String plan = call("politie", get(actions(c)), null).getContentAsString();
		assertThat(plan).contains("Onderzoek afgerond, verslag bij de huisarts");
		// the coordinator may update any action
		assertThat(
				call("coordinator", post(actions(c) + "/" + politieAction + "/status"), "{\"status\": \"IN_PROGRESS\"}")
					.getStatus())
			.isEqualTo(200);
	}

	@Test
	void cancellingNeedsAReasonAndAnUnknownStatusIsRefusedNamingTheField() throws Exception {
		String c = newCase();
		admit(c, "ggz-midden");
		String action = assign(c, "ggz-midden", "2026-12-17");
		MockHttpServletResponse noReason = call("ggz", post(actions(c) + "/" + action + "/status"),
				"{\"status\": \"CANCELLED\"}");
		assertThat(noReason.getStatus()).isEqualTo(400);
		assertThat(noReason.getContentAsString()).contains("\"field\":\"note\"");
		assertThat(call("ggz", post(actions(c) + "/" + action + "/status"), "{\"note\": \"x\"}").getContentAsString())
			.contains("\"field\":\"status\"");
		assertThat(call("ggz", post(actions(c) + "/" + action + "/status"),
				"{\"status\": \"CANCELLED\", \"note\": \"Client verhuisd naar een andere regio\"}")
			.getStatus()).isEqualTo(200);
	}

	@Test
	void aCaseMovesToPlanOnlyWithAnActionAndToMonitoringOnlyWhenEveryActionIsDoneOrCancelled() throws Exception {
		String c = newCase();
		admit(c, "ggz-midden");
		move(c, "TRIAGE", 200);
		move(c, "IN_CONSULTATION", 200);
		MockHttpServletResponse refused = move(c, "PLAN", 409);
		assertThat(refused.getContentAsString()).contains("https://schakel.nl/problems/plan-needs-an-action");
		String action = assign(c, "ggz-midden", "2026-12-17");
		move(c, "PLAN", 200);
		assertThat(move(c, "MONITORING", 409).getContentAsString())
			.contains("https://schakel.nl/problems/plan-actions-unfinished");
		call("ggz", post(actions(c) + "/" + action + "/status"), "{\"status\": \"DONE\", \"note\": \"Gedaan\"}");
		move(c, "MONITORING", 200);
	}

	@Test
	void aClosedCasesPlanTakesNoChanges() throws Exception {
		String c = newCase();
		admit(c, "ggz-midden");
		String action = assign(c, "ggz-midden", "2026-12-17");
		move(c, "TRIAGE", 200);
		MockHttpServletResponse closed = call("coordinator", post("/api/v1/cases/" + c + "/status"),
				"{\"status\": \"CLOSED\", \"reason\": \"GOALS_ACHIEVED\"}");
		assertThat(closed.getStatus()).as(closed.getContentAsString()).isEqualTo(200);
		MockHttpServletResponse assign = call("coordinator", post(actions(c)),
				"{\"description\": \"Nog iets\", \"organisation\": \"ggz-midden\", \"due\": \"2026-12-17\"}");
		assertThat(assign.getStatus()).isEqualTo(409);
		assertThat(assign.getContentAsString()).contains("https://schakel.nl/problems/case-closed");
		assertThat(call("ggz", post(actions(c) + "/" + action + "/status"), "{\"status\": \"DONE\"}").getStatus())
			.isEqualTo(409);
	}

	@Test
	void theOpenApiDocumentShowsThePlansPaths() throws Exception {
		String api = this.mvc.perform(get("/v3/api-docs").with(httpBasic("coordinator", "demo")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(api).contains("/api/v1/cases/{id}/actions", "/api/v1/cases/{id}/actions/{actionId}/status",
				"/api/v1/meetings", "/api/v1/meetings/{id}", "/api/v1/meetings/{id}/cases/{caseId}/minutes");
	}

	@Test
	void thePartnersStartPageListsItsOwnOpenActionsAndTheCasePageShowsThePlanWithTheOverdueMarked() throws Exception {
		String c = newCase();
		admit(c, "ggz-midden");
		admit(c, "politie-midden");
		String reference = JsonPath.read(call("coordinator", get("/api/v1/cases/" + c), null).getContentAsString(),
				"$.reference");
		assign(c, "ggz-midden", "2020-02-02");
		assign(c, "politie-midden", "2027-03-19");
		String home = page("ggz", "/");
		assertThat(home).contains("Mijn acties", reference, "02-02-2020", "Te laat").doesNotContain("19-03-2027");
		assertThat(page("politie", "/")).contains("Mijn acties", "19-03-2027").doesNotContain("02-02-2020");
		org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
		this.mvc.perform(post("/cases/" + c + "/purpose").session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with(signedIn("ggz"))
			.param("purpose", "PLAN_EXECUTION"));
		String casePage = this.mvc.perform(get("/cases/" + c).session(session).with(signedIn("ggz")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(casePage).contains("Plan van aanpak", "Actie voor ggz-midden", "Actie voor politie-midden",
				"Te laat", "Status bijwerken");
	}

	@Test
	void theCoordinatorsStartPageListsTheOverdueActionsOfTheOwnHouseOnly() throws Exception {
		String c = newCase();
		admit(c, "verslavingszorg-midden");
		String reference = JsonPath.read(call("coordinator", get("/api/v1/cases/" + c), null).getContentAsString(),
				"$.reference");
		assign(c, "verslavingszorg-midden", "2021-03-04");

		assertThat(page("coordinator", "/")).contains("Acties over de termijn", reference, "04-03-2021",
				"Verslavingszorg Midden");
		assertThat(page("coordinator-zuid", "/")).doesNotContain(reference, "04-03-2021");
	}

	// --- helpers

	private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String user) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(this.accounts.loadUserByUsername(user));
	}

	private String page(String user, String path) throws Exception {
		return this.mvc.perform(get(path).with(signedIn(user))).andReturn().getResponse().getContentAsString();
	}

	private static String actions(String c) {
		return "/api/v1/cases/" + c + "/actions";
	}

	private String assign(String c, String organisation, String due) throws Exception {
		MockHttpServletResponse response = call("coordinator", post(actions(c)), "{\"description\": \"Actie voor "
				+ organisation + "\", \"organisation\": \"" + organisation + "\", \"due\": \"" + due + "\"}");
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	private MockHttpServletResponse move(String c, String status, int expected) throws Exception {
		MockHttpServletResponse response = call("coordinator", post("/api/v1/cases/" + c + "/status"),
				"{\"status\": \"" + status + "\"}");
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return response;
	}

	private String newCase() throws Exception {
		MockHttpServletResponse response = call("coordinator", post("/api/v1/cases"),
				"{\"person\": {\"name\": \"Plan Persoon\", \"dateOfBirth\": \"1980-03-04\"}, \"caseType\": \"CONFUSED_BEHAVIOUR\"}");
		assertThat(response.getStatus()).isEqualTo(201);
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	private void admit(String c, String organisation) throws Exception {
		MockHttpServletResponse response = call("coordinator", post("/api/v1/cases/" + c + "/participants"),
				"{\"organisation\": \"" + organisation
						+ "\", \"purposes\": [\"CASE_CONSULTATION\", \"PLAN_EXECUTION\"]}");
		assertThat(response.getStatus()).isEqualTo(201);
	}

	private MockHttpServletResponse call(String user, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		request.with(httpBasic(user, "demo")).header("X-Purpose", "PLAN_EXECUTION");
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

}
