package nl.schakel.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The auditor searches the disclosure log by every filter, pages by keyset, and every
 * search is recorded.
 */
@IntegrationTest
class AuditSearchIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	AuditScenario scenario;

	AuditScenario.Case c;

	@BeforeEach
	void aCaseReadByCareAndPoliceAndRefusedToTheMunicipality() throws Exception {
		this.scenario = new AuditScenario(this.mvc, this.jdbc);
		this.c = this.scenario.newCase("Zoek Persoon", null, "ggz-midden", "politie-midden");
		this.scenario.contribute(this.c, "ggz",
				"""
						{"text": "eerste", "category": "HEALTH", "legalBasis": "PUBLIC_TASK", "audienceDomains": ["JUSTICE"]}""");
		this.scenario.contribute(this.c, "ggz",
				"""
						{"text": "tweede", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK", "audienceDomains": ["JUSTICE"]}""");
		this.scenario.read(this.c, "ggz");
		this.scenario.read(this.c, "politie");
		this.scenario.read(this.c, "gemeente");
	}

	@Test
	void searchingByCaseReferenceFindsEveryDisclosureOfThatCaseNewestFirst() throws Exception {
		long expected = count("case_id = ?", this.c.id());
		List<Map<String, Object>> rows = search("case=" + this.c.reference() + "&size=200");
		assertThat(rows).hasSize((int) expected);
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("caseReference")).isEqualTo(this.c.reference()));
		List<String> times = rows.stream().map((row) -> (String) row.get("occurredAt")).toList();
		assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void eachFilterNarrowsTheResult() throws Exception {
		// the auditor's own searches are disclosures of this case too: count the casework
		// only
		String base = "case=" + this.c.id() + "&size=200&purpose=CASE_CONSULTATION";
		int casework = (int) count("case_id = ? and purpose = 'CASE_CONSULTATION'", this.c.id());
		assertThat(search(base + "&actor=politie")).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.get("actor")).isEqualTo("politie"));
		assertThat(search(base + "&organisation=ggz-midden")).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.get("actorOrganisation")).isEqualTo("ggz-midden"));
		assertThat(search(base + "&decision=DENY"))
			.hasSize((int) count("case_id = ? and decision = 'DENY'", this.c.id()))
			.allSatisfy((row) -> assertThat(row.get("actor")).isEqualTo("gemeente"));
		assertThat(search(base + "&decision=existence-only")).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.get("decision")).isEqualTo("EXISTENCE_ONLY"));
		assertThat(search(base + "&category=HEALTH")).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.get("category")).isEqualTo("HEALTH"));
		assertThat(search(base)).hasSize(casework);
		assertThat(search("case=" + this.c.id() + "&purpose=MONITORING")).isEmpty();
		assertThat(search(base + "&flagged=true")).isEmpty();
		assertThat(search(base + "&flagged=false")).hasSize(casework);
		assertThat(search("person=" + this.c.personId() + "&size=200")).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.get("personId")).isEqualTo(this.c.personId().toString()));
		String today = java.time.LocalDate.now(DisclosureSearch.ZONE).toString();
		assertThat(search(base + "&from=" + today + "&to=" + today)).hasSize(casework);
		assertThat(search(base + "&to=2000-01-01")).isEmpty();
	}

	@Test
	void keysetPagingWalksEveryRowOnceInOrder() throws Exception {
		List<String> all = search("case=" + this.c.id() + "&purpose=CASE_CONSULTATION&size=200").stream()
			.map((row) -> (String) row.get("id"))
			.toList();
		List<String> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String body = this.scenario
				.as("auditor", "AUDIT",
						get("/api/v1/audit/disclosures?case=" + this.c.id() + "&purpose=CASE_CONSULTATION&size=2"
								+ ((cursor != null) ? "&cursor=" + cursor : "")),
						null)
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			paged.addAll(JsonPath.read(body, "$.disclosures[*].id"));
			cursor = JsonPath.read(body, "$.nextCursor");
			pages++;
		}
		while (cursor != null && pages < 100);
		assertThat(paged).containsExactlyElementsOf(all);
		assertThat(pages).isEqualTo((all.size() + 1) / 2);
	}

	@Test
	void everySearchAndEveryExportIsItselfRecorded() throws Exception {
		long searches = count("actor = 'auditor' and item_kind = 'AUDIT_SEARCH' and case_id = ?", this.c.id());
		search("case=" + this.c.reference());
		assertThat(count("actor = 'auditor' and item_kind = 'AUDIT_SEARCH' and case_id = ? and channel = 'API'"
				+ " and purpose = 'AUDIT'", this.c.id()))
			.isEqualTo(searches + 1);

		String csv = this.scenario
			.as("auditor", "AUDIT", get("/api/v1/audit/disclosures.csv?case=" + this.c.id()), null)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().findFirst())
			.hasValueSatisfying((header) -> assertThat(header).startsWith("occurred_at,actor"));
		assertThat(csv.lines().filter((line) -> line.contains(this.c.reference())).count()).isPositive();
		assertThat(count("actor = 'auditor' and item_kind = 'AUDIT_EXPORT' and case_id = ? and channel = 'EXPORT'",
				this.c.id()))
			.isEqualTo(1);
	}

	@Test
	void wrongFiltersAreRefusedNamingTheField() throws Exception {
		this.scenario.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?decision=MAYBE"), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("decision"));
		this.scenario.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?from=gisteren"), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		// dates the database cannot hold as a moment (or the calendar cannot pass) are
		// refused too
		this.scenario.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?to=%2B999999999-12-31"), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		this.scenario.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?from=%2B300000-01-01"), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		this.scenario.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?from=-4000-01-01"), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		this.scenario.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?case=ZVH-1999-999999"), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("case"));
		this.scenario.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?cursor=abc"), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cursor"));
		this.scenario.as("auditor", "CASE_CONSULTATION", get("/api/v1/audit/disclosures"), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("X-Purpose"));
	}

	@Test
	void onlyAuditorsSearchTheLog() throws Exception {
		this.scenario.as("ggz", "AUDIT", get("/api/v1/audit/disclosures"), null).andExpect(status().isForbidden());
		this.scenario.as("beheer", "AUDIT", get("/api/v1/audit/disclosures"), null).andExpect(status().isForbidden());
	}

	private List<Map<String, Object>> search(String query) throws Exception {
		String body = this.scenario.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?" + query), null)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.disclosures");
	}

	private long count(String where, Object... args) {
		return this.jdbc.queryForObject("select count(*) from disclosure where " + where, Long.class, args);
	}

}
