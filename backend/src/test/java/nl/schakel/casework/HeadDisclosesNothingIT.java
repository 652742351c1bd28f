package nl.schakel.casework;

import java.util.UUID;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A HEAD request returns no body, so it must not log a disclosure either: the log would
 * say content went to someone who never received it. It is refused before any handler
 * reads.
 */
@IntegrationTest
class HeadDisclosesNothingIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void headOnACaseWritesNoDisclosureRowThroughTheApiOrTheUi() throws Exception {
		String url = as("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "Hedda Kopje", "dateOfBirth": "1977-07-07"}, "caseType": "OTHER"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		as("coordinator", "TRIAGE", post(url + "/participants"), """
				{"organisation": "ggz-midden", "purposes": ["CASE_CONSULTATION"]}""").andExpect(status().isCreated());
		as("ggz", "CASE_CONSULTATION", post(url + "/contributions"), """
				{"text": "Komt afspraken na", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK",
				 "audienceOrganisations": ["ggz-midden"]}""").andExpect(status().isCreated());
		long before = disclosures(id);

		as("ggz", "CASE_CONSULTATION", head(url), null).andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "GET, POST"))
			.andExpect(content().string(""));
		as("coordinator", "CASE_CONSULTATION", head(url), null).andExpect(status().isMethodNotAllowed());
		as("ggz", "CASE_CONSULTATION", head(url + "/participants"), null).andExpect(status().isMethodNotAllowed());
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/cases/" + id + "/purpose").session(session)
			.with(csrf())
			.with(user(this.accounts.loadUserByUsername("ggz")))
			.param("purpose", "CASE_CONSULTATION"));
		this.mvc.perform(head("/cases/" + id).session(session).with(user(this.accounts.loadUserByUsername("ggz"))))
			.andExpect(status().isMethodNotAllowed());
		assertThat(disclosures(id)).isEqualTo(before);

		// the same read by GET is disclosed and logged, as ever
		as("ggz", "CASE_CONSULTATION", get(url), null).andExpect(status().isOk());
		assertThat(disclosures(id)).isGreaterThan(before);
	}

	@Test
	void headOnACaseThatDoesNotExistLooksTheSameAsOnOneThatDoes() throws Exception {
		as("ggz", "CASE_CONSULTATION", head("/api/v1/cases/" + UUID.randomUUID()), null)
			.andExpect(status().isMethodNotAllowed());
	}

	private long disclosures(UUID caseId) {
		return this.jdbc.queryForObject("select count(*) from disclosure where case_id = ?", Long.class, caseId);
	}

	private ResultActions as(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		request.with(httpBasic(user, "demo")).header("X-Purpose", purpose);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request);
	}

}
