package nl.schakel.retention;

import java.util.UUID;

import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person is one record shown in every case of theirs: correcting their details through
 * one house's case tells the recipients the log names in every case of the person —
 * another safety house's too — each in the case it received, so nobody learns of a case
 * they were not shown.
 */
@IntegrationTest
class RectificationReachesEveryCaseOfThePersonIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theOtherHouseThatWasShownThePersonIsToldInItsOwnCaseOnly() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String person = "{\"name\": \"Gedeeld Persoon %s\", \"dateOfBirth\": \"1975-05-05\", \"bsn\": \"%s\"}"
			.formatted(tag, TestBsns.next());
		UUID midden = register("coordinator", person);
		UUID zuid = register("coordinator-zuid", person);
		assertThat(this.jdbc.queryForObject("select count(distinct person_id) from case_file where id in (?, ?)",
				Integer.class, midden, zuid))
			.isEqualTo(1);
		api("coordinator", "TRIAGE", post("/api/v1/cases/" + midden + "/participants"),
				"{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}")
			.andExpect(status().isCreated());
		api("ggz", "CASE_CONSULTATION", get("/api/v1/cases/" + midden), null).andExpect(status().isOk());
		// the other house reads its own case of the person: the log names it as recipient
		api("coordinator-zuid", "TRIAGE", get("/api/v1/cases/" + zuid), null).andExpect(status().isOk());

		api("coordinator", null, post("/api/v1/cases/" + midden + "/rectification"),
				"{\"field\": \"address\", \"value\": \"Nieuwe Straat 1\", \"reason\": \"Verzoek art. 16\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notified", hasItem("ggz-midden")))
			.andExpect(jsonPath("$.notified", hasItem("zvh-zuid")));

		assertThat(notified(zuid, "zvh-zuid")).isEqualTo(1);
		assertThat(notified(midden, "ggz-midden")).isEqualTo(1);
		// told in the case it received, never about the case it was not shown
		assertThat(notified(midden, "zvh-zuid")).isZero();
		assertThat(notified(zuid, "ggz-midden")).isZero();
	}

	private int notified(UUID caseId, String organisation) {
		return this.jdbc.queryForObject(
				"select count(*) from notification where case_id = ? "
						+ "and kind = 'CASE_DATA_RECTIFIED' and recipient_organisation = ?",
				Integer.class, caseId, organisation);
	}

	private UUID register(String coordinator, String person) throws Exception {
		String url = api(coordinator, "TRIAGE", post("/api/v1/cases"),
				"{\"person\": " + person + ", \"caseType\": \"OTHER\"}")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
	}

	private ResultActions api(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		request.with(httpBasic(user, "demo"));
		if (purpose != null) {
			request.header("X-Purpose", purpose);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request);
	}

}
