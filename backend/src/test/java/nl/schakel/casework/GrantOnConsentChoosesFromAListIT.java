package nl.schakel.casework;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Granting a request on consent names one of the holder's own consents in force on that
 * case, chosen from a list: nobody types a consent's id (a typo lost the whole answer),
 * and another organisation's consents or another case's are not offered.
 */
@IntegrationTest
class GrantOnConsentChoosesFromAListIT {

	static final String EVIDENCE = """
			"evidence": "toestemmingsformulier 2026-777", "evidenceKind": "SIGNED_FORM",
			"evidenceObtainedOn": "2026-01-05", "evidenceObtainedBy": "M. Jansen, GGZ Midden\"""";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void theHolderChoosesAConsentOfItsOwnOnThatCase() throws Exception {
		String caseA = newCase();
		String caseB = newCase();
		String ownOnA = consent(caseA, "ggz");
		String ownOnB = consent(caseB, "ggz");
		String contribution = JsonPath.read(call("ggz", "CASE_CONSULTATION", post(caseA + "/contributions"), """
				{"text": "Behandeling loopt", "category": "HEALTH", "legalBasis": "PUBLIC_TASK"}"""), "$.id");
		call("politie", "CASE_CONSULTATION", post(caseA + "/contributions/" + contribution + "/requests"),
				"{\"reason\": \"Nodig voor de risico-inschatting\"}");

		String inbox = this.mvc.perform(get("/requests").with(user(this.accounts.loadUserByUsername("ggz"))))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(inbox)
			.contains("<select", "name=\"consentId\"", "value=\"" + ownOnA + "\"", "toestemmingsformulier 2026-777")
			.doesNotContain("name=\"consentId\" type=\"text\"");
		// the consent of the other case is offered only with that case's requests (there
		// are none)
		assertThat(inbox).doesNotContain("value=\"" + ownOnB + "\"");
	}

	private String newCase() throws Exception {
		String body = call("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "Toos Toestemming", "dateOfBirth": "1970-01-01"}, "caseType": "OTHER"}""");
		String url = "/api/v1/cases/" + JsonPath.read(body, "$.id");
		for (String organisation : new String[] { "ggz-midden", "politie-midden" }) {
			call("coordinator", "TRIAGE", post(url + "/participants"),
					"{\"organisation\": \"%s\", \"purposes\": [\"CASE_CONSULTATION\"]}".formatted(organisation));
		}
		return url;
	}

	private String consent(String caseUrl, String holder) throws Exception {
		return JsonPath.read(call(holder, "CASE_CONSULTATION", post(caseUrl + "/consents"), """
				{"organisations": ["politie-midden"], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
				 "validFrom": "2026-01-01", %s}""".formatted(EVIDENCE)), "$.id");
	}

	private String call(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		var response = this.mvc
			.perform(request.with(httpBasic(user, "demo"))
				.header("X-Purpose", purpose)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return response.getContentAsString();
	}

}
