package nl.schakel.retention;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cases the retention and erasure stories start from: a person of their own, GGZ
 * admitted for case consultation, one general contribution by GGZ; closed after its plan
 * on a given day where a story needs a closed one.
 */
final class RetentionCases {

	private final MockMvc mvc;

	private final JdbcTemplate jdbc;

	RetentionCases(MockMvc mvc, JdbcTemplate jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	/** An open case of a person whose name starts with this. */
	UUID open(String personName) throws Exception {
		String url = api("coordinator", "TRIAGE", post("/api/v1/cases"),
				"{\"person\": {\"name\": \"%s %s\", \"dateOfBirth\": \"1966-06-06\"}, \"caseType\": \"OTHER\"}"
					.formatted(personName, UUID.randomUUID().toString().substring(0, 8)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		api("coordinator", "TRIAGE", post(url + "/participants"),
				"{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}")
			.andExpect(status().isCreated());
		api("ggz", "CASE_CONSULTATION", post(url + "/contributions"),
				"{\"text\": \"Zorginbreng\", \"category\": \"GENERAL\", \"legalBasis\": \"PUBLIC_TASK\"}")
			.andExpect(status().isCreated());
		return id;
	}

	/**
	 * A case closed after its plan on the given day: closing through the status machine
	 * takes today's date, and retention counts from the closure day.
	 */
	UUID closedOn(String personName, LocalDate closedOn) throws Exception {
		UUID id = open(personName);
		this.jdbc.update("update case_file set status = 'CLOSED', closed_on = ?, close_reason = 'GOALS_ACHIEVED' "
				+ "where id = ?", closedOn, id);
		return id;
	}

	/** An API call as a demo user, under a purpose when one is named. */
	ResultActions api(String user, String purpose, MockHttpServletRequestBuilder request, String body)
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
