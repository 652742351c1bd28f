package nl.schakel.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static nl.schakel.support.DemoApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every free text the API stores outside the bodies {@code ApiBodyFuzzIT} fuzzes — a
 * named professional, consent evidence, a refusal reason, a grant's statutory provision
 * and conflict-of-duties answers — is refused with a 400 naming the field when it is
 * longer than its column or a list holds {@code null}, never a 500 from the database or a
 * {@code NullPointerException}. Found while storing script payloads for the browser check
 * ({@code StoredScriptRendersInertE2E}).
 */
@IntegrationTest
class OverLongTextIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	private final List<String> failures = new ArrayList<>();

	@Test
	void textLongerThanItsColumnOrANullInAListIsA400NamingTheField() throws Exception {
		String caseUrl = "/api/v1/cases/" + JsonPath.read(send("coordinator", "TRIAGE", "/api/v1/cases",
				Map.of("person", Map.of("name", "Lang Genoeg", "dateOfBirth", "1966-06-06"), "caseType", "OTHER"))
			.getContentAsString(), "$.id");
		send("coordinator", "TRIAGE", caseUrl + "/status", Map.of("status", "TRIAGE"));
		send("coordinator", "TRIAGE", caseUrl + "/triage", Map.of("outcome", "ACCEPTED"));
		for (String organisation : List.of("ggz-midden", "politie-midden")) {
			send("coordinator", "TRIAGE", caseUrl + "/participants",
					Map.of("organisation", organisation, "purposes", List.of("CASE_CONSULTATION")));
		}

		expect400("professional of 101 characters", "professionals", "coordinator", "TRIAGE", caseUrl + "/participants",
				Map.of("organisation", "gemeente-midden", "professionals", List.of("x".repeat(101)), "purposes",
						List.of("CASE_CONSULTATION")));
		expect400("null professional", "professionals", "coordinator", "TRIAGE", caseUrl + "/participants",
				"{\"organisation\": \"gemeente-midden\", \"professionals\": [null], \"purposes\": [\"TRIAGE\"]}");
		expect400("null purpose", "purposes", "coordinator", "TRIAGE", caseUrl + "/participants",
				"{\"organisation\": \"gemeente-midden\", \"purposes\": [null]}");
		expect400("consent evidence of 301 characters", "evidence", "ggz", "CASE_CONSULTATION", caseUrl + "/consents",
				Map.of("organisations", List.of("politie-midden"), "categories", List.of("HEALTH"), "purposes",
						List.of("CASE_CONSULTATION"), "validFrom", "2020-01-01", "evidence", "x".repeat(301)));
		expect400("null consent recipient", "organisations", "ggz", "CASE_CONSULTATION", caseUrl + "/consents", """
				{"organisations": [null], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
				 "validFrom": "2020-01-01"}""");

		String contribution = JsonPath
			.read(send("ggz", "CASE_CONSULTATION", caseUrl + "/contributions", Map.of("text", "Alleen bestaan",
					"category", "HEALTH", "legalBasis", "PUBLIC_TASK", "audienceDomains", List.of("JUSTICE")))
				.getContentAsString(), "$.id");
		String request = JsonPath
			.read(send("politie", "CASE_CONSULTATION", caseUrl + "/contributions/" + contribution + "/requests",
					Map.of("reason", "Inschatting"))
				.getContentAsString(), "$.id");
		String decide = "/api/v1/requests/" + request;
		expect400("refusal reason of 2,001 characters", "refusalReason", "ggz", "CASE_CONSULTATION",
				decide + "/refusal", Map.of("reason", "x".repeat(2001)));
		expect400("grant's statutory provision of 201 characters", "statutoryReference", "ggz", "CASE_CONSULTATION",
				decide + "/grant", Map.of("basis", "STATUTORY", "statutoryReference", "x".repeat(201)));
		expect400("grant's conflict-of-duties answer of 2,001 characters", "conflictOfDuties.interest", "ggz",
				"CASE_CONSULTATION", decide + "/grant",
				Map.of("basis", "CONFLICT_OF_DUTIES", "conflictOfDuties", Map.of("interest", "x".repeat(2001),
						"whyNoConsent", "b", "noOtherWay", "c", "seriousHarm", "d", "strictlyNeeded", "e")));

		assertThat(this.failures).isEmpty();
		// and the request is still open: nothing was half-written
		assertThat(send("ggz", "CASE_CONSULTATION", decide + "/refusal", Map.of("reason", "Niet nodig"))
			.getContentAsString()).contains("REFUSED");
	}

	@Test
	void aDateNoCalendarOrDatabaseCanHoldIsA400NamingTheField() throws Exception {
		String caseUrl = "/api/v1/cases/" + JsonPath.read(send("coordinator", "TRIAGE", "/api/v1/cases",
				Map.of("person", Map.of("name", "Verre Datum", "dateOfBirth", "1966-06-06"), "caseType", "OTHER"))
			.getContentAsString(), "$.id");
		send("coordinator", "TRIAGE", caseUrl + "/participants",
				Map.of("organisation", "ggz-midden", "purposes", List.of("CASE_CONSULTATION")));
		for (String date : List.of("-999999999-01-01", "+999999999-12-31", "-4714-01-01", "+5874898-01-01")) {
			expect400("date of birth " + date, "person.dateOfBirth", "coordinator", "TRIAGE", "/api/v1/cases",
					Map.of("person", Map.of("name", "Verre Datum", "dateOfBirth", date), "caseType", "OTHER"));
			expect400("admission until " + date, "validUntil", "coordinator", "TRIAGE", caseUrl + "/participants", Map
				.of("organisation", "politie-midden", "purposes", List.of("CASE_CONSULTATION"), "validUntil", date));
			expect400("consent from " + date, "validFrom", "ggz", "CASE_CONSULTATION", caseUrl + "/consents",
					Map.of("organisations", List.of("politie-midden"), "categories", List.of("HEALTH"), "purposes",
							List.of("CASE_CONSULTATION"), "validFrom", date));
			expect400("known-to date of birth " + date, "dateOfBirth", "ggz", "CASE_CONSULTATION",
					"/api/v1/persons/known-to", Map.of("name", "Verre Datum", "dateOfBirth", date));
		}
		assertThat(this.failures).isEmpty();
	}

	private void expect400(String what, String field, String user, String purpose, String path, Object body)
			throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(
					as(user, purpose, post(path), (body instanceof String text) ? text : JSON.writeValueAsString(body)))
			.andReturn()
			.getResponse();
		String content = response.getContentAsString();
		if (response.getStatus() != 400 || !content.contains("\"field\":\"" + field + "\"")) {
			this.failures.add(what + ": " + response.getStatus() + " " + content);
		}
	}

	private MockHttpServletResponse send(String user, String purpose, String path, Object body) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(as(user, purpose, post(path), JSON.writeValueAsString(body)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("%s %s", path, response.getContentAsString()).isBetween(200, 201);
		return response;
	}

}
