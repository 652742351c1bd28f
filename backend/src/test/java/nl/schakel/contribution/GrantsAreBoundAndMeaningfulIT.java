package nl.schakel.contribution;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A grant answers one request: it opens the item for that request's purpose only, a
 * secrecy breach on health information is confirmed over the API as in the form, and a
 * grant the policy would not honour is refused instead of being reported as granted.
 */
@IntegrationTest
class GrantsAreBoundAndMeaningfulIT {

	private static final String FIVE_ANSWERS = """
			"conflictOfDuties": {"interest": "veiligheid van agenten bij aanhouding",
			   "whyNoConsent": "de persoon is niet bereikbaar", "noOtherWay": "aanhouding is morgen",
			   "seriousHarm": "geweld bij aanhouding", "strictlyNeeded": "alleen medicatie, voor deze agent"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aGrantOpensTheItemOnlyForThePurposeOfTheRequestItAnswers() throws Exception {
		Fixture fixture = healthItemRequestedByThePolice();
		as("ggz", "CASE_CONSULTATION", post("/api/v1/requests/" + fixture.request + "/grant"),
				"{\"basis\": \"CONFLICT_OF_DUTIES\", \"secrecyBreachConfirmed\": true, " + FIVE_ANSWERS + "}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("GRANTED"));

		as("politie", "CASE_CONSULTATION", get(fixture.caseUrl), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.contributions[0].decision").value("PERMIT"));
		as("politie", "MONITORING", get(fixture.caseUrl), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.contributions[0].decision").value("EXISTENCE_ONLY"))
			.andExpect(jsonPath("$.contributions[0].content").doesNotExist());
	}

	@Test
	void aSecrecyBreachOnHealthInformationNeedsTheExplicitConfirmationOverTheApi() throws Exception {
		Fixture fixture = healthItemRequestedByThePolice();
		as("ggz", "CASE_CONSULTATION", post("/api/v1/requests/" + fixture.request + "/grant"),
				"{\"basis\": \"CONFLICT_OF_DUTIES\", " + FIVE_ANSWERS + "}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("secrecyBreachConfirmed"));
		as("ggz", "CASE_CONSULTATION", post("/api/v1/requests/" + fixture.request + "/grant"),
				"{\"basis\": \"CONFLICT_OF_DUTIES\", \"secrecyBreachConfirmed\": true}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("conflictOfDuties.interest"));

		assertThat(stateOf(fixture.request)).isEqualTo("OPEN");
	}

	@Test
	void aGrantThePolicyWouldNotHonourIsRefusedWithTheReasonAndTheRequestStaysOpen() throws Exception {
		Fixture fixture = healthItemRequestedByThePolice();
		as("ggz", "CASE_CONSULTATION", post("/api/v1/requests/" + fixture.request + "/grant"),
				"{\"basis\": \"STATUTORY\", \"statutoryReference\": \"art. 10 Wpg\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/grant-changes-nothing"))
			.andExpect(jsonPath("$.errors[0].field").value("basis"))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
		as("ggz", "CASE_CONSULTATION", post("/api/v1/requests/" + fixture.request + "/grant"),
				"{\"basis\": \"PUBLIC_TASK\"}")
			.andExpect(status().isUnprocessableContent());

		assertThat(stateOf(fixture.request)).isEqualTo("OPEN");
		as("politie", "CASE_CONSULTATION", get(fixture.caseUrl), null)
			.andExpect(jsonPath("$.contributions[0].decision").value("EXISTENCE_ONLY"));
	}

	private record Fixture(String caseUrl, String request) {
	}

	/**
	 * GGZ shares health information with the justice domain; the police see that it
	 * exists and ask for it.
	 */
	private Fixture healthItemRequestedByThePolice() throws Exception {
		String caseUrl = as("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "Verzoek Persoon", "dateOfBirth": "1991-06-07"}, "caseType": "RADICALISATION"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		as("coordinator", "TRIAGE", post(caseUrl + "/status"), "{\"status\": \"TRIAGE\"}").andExpect(status().isOk());
		as("coordinator", "TRIAGE", post(caseUrl + "/triage"), "{\"outcome\": \"ACCEPTED\"}")
			.andExpect(status().isOk());
		as("coordinator", "TRIAGE", post(caseUrl + "/participants"), """
				{"organisation": "ggz-midden", "purposes": ["CASE_CONSULTATION"]}""").andExpect(status().isCreated());
		as("coordinator", "TRIAGE", post(caseUrl + "/participants"), """
				{"organisation": "politie-midden", "purposes": ["CASE_CONSULTATION", "MONITORING"]}""")
			.andExpect(status().isCreated());
		String contribution = id(as("ggz", "CASE_CONSULTATION", post(caseUrl + "/contributions"), """
				{"text": "Gebruikt antipsychotica", "category": "HEALTH", "legalBasis": "PUBLIC_TASK",
				 "audienceDomains": ["JUSTICE"]}""").andExpect(status().isCreated()));
		as("politie", "CASE_CONSULTATION", get(caseUrl), null)
			.andExpect(jsonPath("$.contributions[0].decision").value("EXISTENCE_ONLY"));
		String request = id(
				as("politie", "CASE_CONSULTATION", post(caseUrl + "/contributions/" + contribution + "/requests"),
						"{\"reason\": \"Aanhouding gepland; risico voor collega's inschatten\"}")
					.andExpect(status().isCreated()));
		return new Fixture(caseUrl, request);
	}

	private String stateOf(String request) {
		return this.jdbc.queryForObject("select state from disclosure_request where id = ?::uuid", String.class,
				request);
	}

	private static String id(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
	}

	private ResultActions as(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		return this.mvc.perform(DemoApi.as(user, purpose, request, body));
	}

}
