package nl.schakel.audit;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scripted casework through the REST API, to fill the disclosure log the auditor then
 * looks at: a case, admitted partners, contributions, reads.
 */
final class AuditScenario {

	private final MockMvc mvc;

	private final JdbcTemplate jdbc;

	AuditScenario(MockMvc mvc, JdbcTemplate jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	/**
	 * A case for a new person (with a BSN when given), with these organisations admitted
	 * for case consultation.
	 */
	Case newCase(String name, String bsn, String... organisations) throws Exception {
		String person = (bsn != null) ? """
				{"name": "%s", "dateOfBirth": "1984-04-04", "bsn": "%s"}""".formatted(name, bsn) : """
				{"name": "%s", "dateOfBirth": "1984-04-04"}""".formatted(name);
		String url = as("coordinator", "TRIAGE", post("/api/v1/cases"),
				"{\"person\": " + person + ", \"caseType\": \"CONFUSED_BEHAVIOUR\"}")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		for (String organisation : organisations) {
			as("coordinator", "TRIAGE", post(url + "/participants"),
					"{\"organisation\": \"%s\", \"purposes\": [\"CASE_CONSULTATION\"]}".formatted(organisation))
				.andExpect(status().isCreated());
		}
		String reference = this.jdbc.queryForObject("select reference from case_file where id = ?", String.class, id);
		UUID personId = this.jdbc.queryForObject("select person_id from case_file where id = ?", UUID.class, id);
		return new Case(id, url, reference, personId);
	}

	/** A contribution by this user; returns its id. */
	UUID contribute(Case c, String user, String json) throws Exception {
		as(user, "CASE_CONSULTATION", post(c.url() + "/contributions"), json).andExpect(status().isCreated());
		return this.jdbc.queryForObject(
				"select id from contribution where case_id = ? order by created_at desc limit 1", UUID.class, c.id());
	}

	/** The user reads the case for case consultation (whatever the outcome). */
	void read(Case c, String user) throws Exception {
		as(user, "CASE_CONSULTATION", get(c.url()), null);
	}

	ResultActions as(String user, String purpose, MockHttpServletRequestBuilder request, String body) throws Exception {
		request.with(httpBasic(user, "demo")).header("X-Purpose", purpose);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request);
	}

	record Case(UUID id, String url, String reference, UUID personId) {
	}

}
