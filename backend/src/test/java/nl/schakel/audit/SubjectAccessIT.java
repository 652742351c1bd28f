package nl.schakel.audit;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A subject-access report lists every disclosure of the person's data, nothing of others,
 * and is recorded.
 */
@IntegrationTest
class SubjectAccessIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theReportListsEveryDisclosureOfThePersonAndNothingOfOthers() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		String bsn = TestBsns.next();
		AuditScenario.Case mine = scenario.newCase("Anna Inzage", bsn, "ggz-midden", "politie-midden");
		AuditScenario.Case other = scenario.newCase("Bert Ander", TestBsns.next(), "ggz-midden");
		scenario.contribute(mine, "ggz", """
				{"text": "zorg", "category": "HEALTH", "legalBasis": "PUBLIC_TASK", "audienceDomains": ["JUSTICE"]}""");
		scenario.contribute(mine, "ggz",
				"""
						{"text": "sociaal", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK", "audienceDomains": ["JUSTICE"]}""");
		scenario.contribute(other, "ggz", """
				{"text": "ander", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""");
		scenario.read(mine, "ggz");
		scenario.read(mine, "politie");
		scenario.read(mine, "gemeente");
		scenario.read(other, "ggz");
		long shown = this.jdbc.queryForObject(
				"select count(*) from disclosure where person_id = ? and decision in ('PERMIT', 'EXISTENCE_ONLY')",
				Long.class, mine.personId());

		String json = scenario
			.as("auditor", "SUBJECT_ACCESS", post("/api/v1/audit/subject-access"), "{\"bsn\": \"" + bsn + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.person.name").value("Anna Inzage"))
			.andExpect(jsonPath("$.person.bsnRegistered").value(true))
			.andExpect(jsonPath("$.cases[0].reference").value(mine.reference()))
			.andExpect(jsonPath("$.contributions.length()").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> disclosures = JsonPath.read(json, "$.disclosures");
		assertThat(disclosures).hasSize((int) shown);
		assertThat(disclosures).extracting((d) -> d.get("organisation"))
			.contains("ggz-midden", "politie-midden")
			.doesNotContain("gemeente-midden");
		assertThat(disclosures).extracting((d) -> d.get("decision"))
			.contains("PERMIT", "EXISTENCE_ONLY")
			.doesNotContain("DENY");
		assertThat(disclosures).allSatisfy((d) -> {
			assertThat(d.get("professional")).as("names only where the policy says so").isNull();
			assertThat(d.get("role")).isNotNull();
			assertThat(d.get("purpose")).isNotNull();
		});
		assertThat(json).doesNotContain("Bert Ander").doesNotContain(other.reference()).doesNotContain(bsn);

		assertThat(this.jdbc.queryForList("""
				select channel from disclosure where person_id = ? and item_kind = 'SUBJECT_ACCESS'
				and purpose = 'SUBJECT_ACCESS' and actor = 'auditor'""", String.class, mine.personId()))
			.containsExactly("EXPORT");
	}

	@Test
	void aReportNeedsAKnownPersonAndThePurposeSubjectAccess() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		scenario.as("auditor", "AUDIT", post("/api/v1/audit/subject-access"), "{\"bsn\": \"" + TestBsns.next() + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("X-Purpose"));
		scenario
			.as("auditor", "SUBJECT_ACCESS", post("/api/v1/audit/subject-access"),
					"{\"bsn\": \"" + TestBsns.next() + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("bsn"));
		scenario.as("auditor", "SUBJECT_ACCESS", post("/api/v1/audit/subject-access"), "{\"bsn\": \"123456789\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("bsn"));
		scenario.as("auditor", "SUBJECT_ACCESS", post("/api/v1/audit/subject-access"), "{\"name\": \"Niemand\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dateOfBirth"));
	}

}
