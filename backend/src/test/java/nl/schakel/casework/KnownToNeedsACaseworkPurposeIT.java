package nl.schakel.casework;

import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Is this person known?" is a casework question: asked for any other purpose it is
 * refused, and the person's subject-access report does not show it as a check.
 */
@IntegrationTest
class KnownToNeedsACaseworkPurposeIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCheckForAPurposeThePolicyDoesNotNameIsForbiddenAndNotRecorded() throws Exception {
		String bsn = TestBsns.next();
		String personId = registerCase(bsn);
		long checks = checksOn(personId);

		for (String purpose : new String[] { "MONITORING", "PLAN_EXECUTION" }) {
			knownTo("gemeente", purpose, bsn).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/known-to-purpose-not-allowed"))
				.andExpect(content().string(not(containsString("known\""))));
		}

		assertThat(checksOn(personId)).isEqualTo(checks);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from disclosure where actor = 'gemeente' and rule_id in ('known-to-check', 'person-search')"
						+ " and purpose in ('MONITORING', 'PLAN_EXECUTION')",
				Long.class))
			.isZero();
	}

	@Test
	void aCheckForACaseworkPurposeAnswersAndIsRecorded() throws Exception {
		String bsn = TestBsns.next();
		String personId = registerCase(bsn);
		long checks = checksOn(personId);

		knownTo("gemeente", "TRIAGE", bsn).andExpect(status().isOk()).andExpect(jsonPath("$.known").value(true));
		knownTo("ggz", "CASE_CONSULTATION", bsn).andExpect(status().isOk()).andExpect(jsonPath("$.known").value(true));

		assertThat(checksOn(personId)).isGreaterThan(checks);
	}

	@Test
	@WithUserDetails("gemeente")
	void theFormOffersOnlyThePurposesOfTheCheckAndRefusesAnyOther() throws Exception {
		String bsn = TestBsns.next();
		String personId = registerCase(bsn);
		long checks = checksOn(personId);

		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/known-to"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"TRIAGE\"")))
			.andExpect(content().string(not(containsString("value=\"MONITORING\""))));
		this.mvc.perform(post("/known-to").with(csrf()).param("bsn", bsn).param("purpose", "MONITORING"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("known-purpose-error")));

		assertThat(checksOn(personId)).isEqualTo(checks);
	}

	private ResultActions knownTo(String user, String purpose, String bsn) throws Exception {
		return this.mvc.perform(post("/api/v1/persons/known-to").with(httpBasic(user, "demo"))
			.header("X-Purpose", purpose)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"bsn\": \"" + bsn + "\"}"));
	}

	private long checksOn(String personId) {
		return this.jdbc.queryForObject(
				"select count(*) from disclosure where person_id = ?::uuid and item_kind in ('KNOWN_TO', 'PERSON_SEARCH')",
				Long.class, personId);
	}

	private String registerCase(String bsn) throws Exception {
		String location = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"person": {"name": "Bekend Persoon", "dateOfBirth": "1988-07-08", "bsn": "%s"},
						 "caseType": "OTHER"}""".formatted(bsn)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return this.jdbc.queryForObject("select person_id::text from case_file where id = ?::uuid", String.class,
				location.substring(location.lastIndexOf('/') + 1));
	}

}
