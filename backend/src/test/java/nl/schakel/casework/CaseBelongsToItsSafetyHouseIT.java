package nl.schakel.casework;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * A case belongs to the safety house whose coordinator registered it. The coordinator of
 * another safety house ("Zuid") replays every coordinator action on a case of "Midden"
 * and gets the answer a missing case gets — 404, the same problem type — while nothing
 * changes; Zuid's case list shows only Zuid's cases.
 */
@IntegrationTest
class CaseBelongsToItsSafetyHouseIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	String midden;

	String participant;

	@BeforeEach
	void aCaseOfMidden() throws Exception {
		this.midden = register("coordinator");
		call("coordinator", HttpMethod.POST, "/api/v1/cases/" + this.midden + "/status", "{\"status\": \"TRIAGE\"}");
		call("coordinator", HttpMethod.POST, "/api/v1/cases/" + this.midden + "/triage", "{\"outcome\": \"ACCEPTED\"}");
		MockHttpServletResponse admitted = call("coordinator", HttpMethod.POST,
				"/api/v1/cases/" + this.midden + "/participants",
				"{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}");
		assertThat(admitted.getStatus()).isEqualTo(201);
		this.participant = JsonPath.read(admitted.getContentAsString(), "$.id");
	}

	@Test
	void anotherSafetyHousesCoordinatorGetsTheAnswerOfAMissingCaseForEveryAction() throws Exception {
		String missing = UUID.randomUUID().toString();
		long before = rows();
		for (String[] action : actions()) {
			MockHttpServletResponse onMidden = call("coordinator-zuid", HttpMethod.valueOf(action[0]),
					action[1].replace("{id}", this.midden), action[2]);
			MockHttpServletResponse onNothing = call("coordinator-zuid", HttpMethod.valueOf(action[0]),
					action[1].replace("{id}", missing), action[2]);
			assertThat(onMidden.getStatus()).as(action[0] + " " + action[1] + ": " + onMidden.getContentAsString())
				.isEqualTo(404)
				.isEqualTo(onNothing.getStatus());
			assertThat((String) JsonPath.read(onMidden.getContentAsString(), "$.type")).as(action[1])
				.isEqualTo(JsonPath.read(onNothing.getContentAsString(), "$.type"));
		}
		assertThat(rows()).as("nothing written by the refused actions").isEqualTo(before);
		assertThat(
				this.jdbc.queryForObject("select status from case_file where id = ?::uuid", String.class, this.midden))
			.isEqualTo("IN_CONSULTATION");
	}

	@Test
	void eachCoordinatorPagesThroughTheOwnSafetyHousesCasesOnly() throws Exception {
		String zuid = register("coordinator-zuid");
		String middenList = call("coordinator", HttpMethod.GET, "/api/v1/cases?size=100", null).getContentAsString();
		String zuidList = call("coordinator-zuid", HttpMethod.GET, "/api/v1/cases?size=100", null).getContentAsString();
		assertThat(middenList).contains(this.midden).doesNotContain(zuid);
		assertThat(zuidList).contains(zuid).doesNotContain(this.midden);
		List<String> houses = this.jdbc.queryForList("""
				select distinct o.code from case_file c join organisation o on o.id = c.organisation_id
				where c.id::text in (select jsonb_array_elements(?::jsonb -> 'items') ->> 'id')""", String.class,
				zuidList);
		assertThat(houses).containsExactly("zvh-zuid");
		// the page in the browser: the same list
		String page = this.mvc.perform(get("/cases").with(user(this.accounts.loadUserByUsername("coordinator-zuid"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String reference = this.jdbc.queryForObject("select reference from case_file where id = ?::uuid", String.class,
				this.midden);
		assertThat(page).doesNotContain(reference);
	}

	@Test
	void aCaseIsRegisteredForTheRegisteringCoordinatorsSafetyHouse() throws Exception {
		String zuid = register("coordinator-zuid");
		assertThat(this.jdbc.queryForObject(
				"select o.code from case_file c join organisation o on o.id = c.organisation_id where c.id = ?::uuid",
				String.class, zuid))
			.isEqualTo("zvh-zuid");
		// Zuid steers its own case as Midden steers its own
		assertThat(call("coordinator-zuid", HttpMethod.POST, "/api/v1/cases/" + zuid + "/status",
				"{\"status\": \"TRIAGE\"}")
			.getStatus()).isEqualTo(200);
		assertThat(call("coordinator", HttpMethod.POST, "/api/v1/cases/" + zuid + "/status", "{\"status\": \"CLOSED\"}")
			.getStatus()).isEqualTo(404);
	}

	@Test
	void zuidGainsNothingThroughTheSafetyHouseAdmissionOfMidden() throws Exception {
		// Midden's own house is admitted to its case for every purpose; Zuid's is not,
		// and may not be
		MockHttpServletResponse admitZuid = call("coordinator", HttpMethod.POST,
				"/api/v1/cases/" + this.midden + "/participants",
				"{\"organisation\": \"zvh-zuid\", \"purposes\": [\"CASE_CONSULTATION\"]}");
		assertThat(admitZuid.getStatus()).isEqualTo(400);
		assertThat(admitZuid.getContentAsString()).contains("organisation");
		for (String purpose : List.of("TRIAGE", "CASE_CONSULTATION", "PLAN_EXECUTION", "MONITORING", "AUDIT")) {
			assertThat(this.mvc
				.perform(get("/api/v1/cases/" + this.midden)
					.with(user(this.accounts.loadUserByUsername("coordinator-zuid")))
					.header("X-Purpose", purpose))
				.andReturn()
				.getResponse()
				.getStatus()).as(purpose).isEqualTo(404);
		}
		// nor in the browser, for any action
		assertThat(this.mvc
			.perform(post("/cases/" + this.midden + "/status").param("status", "CLOSED")
				.with(user(this.accounts.loadUserByUsername("coordinator-zuid")))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc
			.perform(post("/cases/" + this.midden + "/break-glass").param("reason", "Acute dreiging in Zuid gemeld")
				.with(user(this.accounts.loadUserByUsername("coordinator-zuid")))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject("select count(*) from break_glass where case_id = ?::uuid", Long.class,
				this.midden))
			.isZero();
	}

	/** Every coordinator action on a case: method, path, body. */
	private List<String[]> actions() {
		return List.of(new String[] { "GET", "/api/v1/cases/{id}", null },
				new String[] { "GET", "/api/v1/cases/{id}/participants", null },
				new String[] { "POST", "/api/v1/cases/{id}/status", "{\"status\": \"CLOSED\"}" },
				new String[] { "POST", "/api/v1/cases/{id}/status", "{\"status\": \"PLAN\"}" },
				new String[] { "POST", "/api/v1/cases/{id}/triage", "{\"outcome\": \"ACCEPTED\"}" },
				new String[] { "POST", "/api/v1/cases/{id}/participants",
						"{\"organisation\": \"zvh-zuid\", \"purposes\": [\"CASE_CONSULTATION\"]}" },
				new String[] { "DELETE", "/api/v1/cases/{id}/participants/" + this.participant, null },
				new String[] { "POST", "/api/v1/cases/{id}/break-glass",
						"{\"reason\": \"Acute dreiging gemeld door de wijkagent\"}" });
	}

	private String register(String coordinator) throws Exception {
		MockHttpServletResponse response = call(coordinator, HttpMethod.POST, "/api/v1/cases", """
				{"person": {"name": "Huis Persoon", "dateOfBirth": "1985-02-02", "bsn": "%s"},
				 "caseType": "DOMESTIC_VIOLENCE"}""".formatted(TestBsns.next()));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	private long rows() {
		return this.jdbc.queryForObject("""
				select (select count(*) from case_file) + (select count(*) from participation where removed_at is null)
				     + (select count(*) from break_glass) + (select count(*) from case_file_aud)""", Long.class);
	}

	private MockHttpServletResponse call(String username, HttpMethod method, String path, String body)
			throws Exception {
		MockHttpServletRequestBuilder builder = request(method, path)
			.with(user(this.accounts.loadUserByUsername(username)))
			.header("X-Purpose", "CASE_CONSULTATION");
		if (body != null) {
			builder.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(builder).andReturn().getResponse();
	}

}
