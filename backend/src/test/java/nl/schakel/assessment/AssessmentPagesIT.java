package nl.schakel.assessment;

import java.util.List;

import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assessment page shows the trend as a table, withholding what the reader may not
 * see; the evaluation page states its rule.
 */
@IntegrationTest
class AssessmentPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void thePoliceReaderSeesATableThatSaysGgzRatedTheDomainWithoutItsScores() throws Exception {
		String url = AssessmentIsRatedPerDomainIT.register(this.mvc);
		for (String organisation : List.of("ggz-midden", "politie-midden")) {
			AssessmentIsRatedPerDomainIT.admit(this.mvc, url, organisation);
		}
		this.mvc
			.perform(DemoApi.as("ggz", "CASE_CONSULTATION", post(url + "/assessments"),
					AssessmentIsRatedPerDomainIT.ggzRating(null)))
			.andExpect(status().isCreated());
		String id = url.substring(url.lastIndexOf('/') + 1);
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(get("/cases/" + id + "/assessment").session(session)
				.with(user(this.accounts.loadUserByUsername("politie"))))
			.andExpect(redirectedUrl("/cases/" + id));
		this.mvc.perform(post("/cases/" + id + "/purpose").session(session)
			.with(csrf())
			.with(user(this.accounts.loadUserByUsername("politie")))
			.param("purpose", "CASE_CONSULTATION"));
		this.mvc
			.perform(get("/cases/" + id + "/assessment").session(session)
				.with(user(this.accounts.loadUserByUsername("politie"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<caption>Psychopathologie</caption>")))
			.andExpect(content().string(containsString("GGZ Midden heeft dit domein beoordeeld")))
			.andExpect(content().string(not(containsString(AssessmentIsRatedPerDomainIT.SECRET_JUSTIFICATION))))
			.andExpect(content().string(not(containsString("substance-use: 3"))));
	}

	@Test
	void theEvaluationPageStatesTheSmallCellRule() throws Exception {
		this.mvc.perform(get("/evaluation").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kleine aantallen worden niet getoond.")))
			.andExpect(content().string(containsString("minder dan 10 casussen")));
	}

}
