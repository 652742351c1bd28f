package nl.schakel.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Opening a long-running case reads (and discloses) one page of its timeline, not every
 * contribution ever made; older pages follow by a cursor.
 */
@IntegrationTest
class CaseTimelineIsPagedIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCaseIsReadOnePageOfItsTimelineAtATimeNewestFirst() throws Exception {
		String url = as("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "Paula Gina", "dateOfBirth": "1990-09-09"}, "caseType": "OTHER"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		as("coordinator", "TRIAGE", post(url + "/participants"), """
				{"organisation": "ggz-midden", "purposes": ["CASE_CONSULTATION"]}""").andExpect(status().isCreated());
		for (int i = 1; i <= 5; i++) {
			as("ggz", "CASE_CONSULTATION", post(url + "/contributions"), """
					{"text": "Gesprek %d", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK",
					 "audienceOrganisations": ["ggz-midden"]}""".formatted(i)).andExpect(status().isCreated());
		}

		long before = contributionDisclosures(id);
		List<String> seen = new ArrayList<>();
		String body = as("ggz", "CASE_CONSULTATION", get(url).param("size", "2"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.contributions.length()").value(2))
			.andExpect(jsonPath("$.contributions[0].content").value("Gesprek 4"))
			.andExpect(jsonPath("$.contributions[1].content").value("Gesprek 5"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// only the page was read, so only the page was disclosed
		assertThat(contributionDisclosures(id)).isEqualTo(before + 2);
		String cursor = JsonPath.read(body, "$.olderContributions");
		assertThat(cursor).isNotNull();
		seen.add(JsonPath.read(body, "$.contributions[0].content"));

		body = as("ggz", "CASE_CONSULTATION", get(url).param("size", "2").param("before", cursor), null)
			.andExpect(jsonPath("$.contributions[0].content").value("Gesprek 2"))
			.andExpect(jsonPath("$.contributions[1].content").value("Gesprek 3"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		cursor = JsonPath.read(body, "$.olderContributions");
		as("ggz", "CASE_CONSULTATION", get(url).param("size", "2").param("before", cursor), null)
			.andExpect(jsonPath("$.contributions.length()").value(1))
			.andExpect(jsonPath("$.contributions[0].content").value("Gesprek 1"))
			.andExpect(jsonPath("$.olderContributions").doesNotExist());
		assertThat(contributionDisclosures(id)).isEqualTo(before + 5);
		assertThat(seen).containsExactly("Gesprek 4");
	}

	@Test
	void aMangledCursorOrPageSizeIsA400NamingTheParameter() throws Exception {
		String url = "/api/v1/cases/" + UUID.randomUUID();
		as("ggz", "CASE_CONSULTATION", get(url).param("before", "gisteren"), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("before"));
		as("ggz", "CASE_CONSULTATION", get(url).param("size", "0"), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
	}

	private long contributionDisclosures(UUID caseId) {
		return this.jdbc.queryForObject(
				"select count(*) from disclosure where case_id = ? and item_kind = 'CONTRIBUTION' and actor = 'ggz'",
				Long.class, caseId);
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
