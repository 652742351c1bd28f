package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.retention.CaseErasure;
import nl.schakel.retention.ErasureKind;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evaluation breaks each intervention down by the latest phase, age group and justice
 * status of its cases, counted from their clear coarse copies (never by opening sealed
 * ratings), with every cell under 10 hidden and, where needed, its neighbour too, so the
 * intervention's row minus the cells shown reveals no small group. Erased cases drop out;
 * a run is logged once as statistical use; only coordinators see it.
 *
 * <p>
 * Family support is this test's own intervention: no other test chooses it. Its 25 cases:
 * phase 1 (sensitivity) 13, phase 2 10, phase 3 2; age group minor 15, young adult 10;
 * status "none" 12 (rated by the police), 13 not rated. All still running.
 */
@IntegrationTest
class EvaluationBreaksDownByPhaseAgeGroupAndStatusIT {

	private static final String BY = "$.%s[?(@.intervention == 'family-support' && @.value == %s)].%s";

	private static boolean seeded;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CaseErasure erasure;

	@Autowired
	UserDetailsService accounts;

	@BeforeEach
	void twentyFiveCasesOfFamilySupport() throws Exception {
		if (seeded) {
			return;
		}
		for (int i = 0; i < 25; i++) {
			int phase = (i < 13) ? 1 : (i < 23) ? 2 : 3;
			int ageGroup = (i % 5 < 3) ? 0 : 1;
			deployment(phase, ageGroup, (i % 2 == 0 && i < 24) ? 0 : null);
		}
		seeded = true;
	}

	@Test
	void eachBreakdownCountsTheCasesOfAnInterventionByTheirLatestRating() throws Exception {
		as("coordinator", get("/api/v1/evaluation/interventions")).andExpect(status().isOk())
			.andExpect(jsonPath("$.interventions[?(@.intervention == 'family-support')].cases").value(contains(25)))
			.andExpect(jsonPath(BY.formatted("byPhase", 1, "cases")).value(contains(13)))
			.andExpect(jsonPath(BY.formatted("byPhase", 1, "valueLabel.nl")).value(contains("Gevoeligheid")))
			.andExpect(jsonPath(BY.formatted("byAgeGroup", 0, "cases")).value(contains(15)))
			.andExpect(jsonPath(
					"$.byStatus[?(@.intervention == 'family-support' && @.valueLabel.en == 'Not rated')].cases")
				.value(contains(13)))
			// every case still runs: no outcome figures in the row, none in its cells
			.andExpect(jsonPath(BY.formatted("byPhase", 1, "completed")).value(contains(nullValue())))
			.andExpect(content().string(not(containsString("caseId"))));
	}

	@Test
	void aCellUnderTenIsHiddenAndSoIsTheCellThatWouldRevealItByDifference() throws Exception {
		as("coordinator", get("/api/v1/evaluation/interventions")).andExpect(status().isOk())
			// 2 cases in action readiness: hidden
			.andExpect(jsonPath(BY.formatted("byPhase", 3, "cases")).value(contains(nullValue())))
			.andExpect(jsonPath(BY.formatted("byPhase", 3, "suppressed")).value(contains(true)))
			// 25 - 13 - 10 would give the 2 away: the 10 are hidden with them
			.andExpect(jsonPath(BY.formatted("byPhase", 2, "cases")).value(contains(nullValue())))
			.andExpect(jsonPath(BY.formatted("byPhase", 2, "suppressed")).value(contains(true)))
			// status "none" (12) next to only empty cells would say "all others not
			// rated"
			.andExpect(jsonPath(BY.formatted("byStatus", 0, "cases")).value(contains(nullValue())))
			.andExpect(jsonPath(BY.formatted("byAgeGroup", 1, "cases")).value(contains(nullValue())));
	}

	@Test
	void anErasedCaseDropsOutOfEveryBreakdownAndItsCoarseCopiesAreDeleted() throws Exception {
		UUID extra = deployment(1, 0, null);
		as("coordinator", get("/api/v1/evaluation/interventions")).andExpect(status().isOk())
			.andExpect(jsonPath(BY.formatted("byPhase", 1, "cases")).value(contains(14)))
			.andExpect(jsonPath(BY.formatted("byAgeGroup", 0, "cases")).value(contains(16)));
		assertThat(copies(extra)).isEqualTo(2);
		this.erasure.erase(new CaseId(extra), ErasureKind.PERSON_REQUEST, null, null, "coordinator");
		assertThat(copies(extra)).as("the coarse copies go with the case").isZero();
		as("coordinator", get("/api/v1/evaluation/interventions")).andExpect(status().isOk())
			.andExpect(jsonPath("$.interventions[?(@.intervention == 'family-support')].cases").value(contains(25)))
			.andExpect(jsonPath(BY.formatted("byPhase", 1, "cases")).value(contains(13)))
			.andExpect(jsonPath(BY.formatted("byAgeGroup", 0, "cases")).value(contains(15)));
	}

	@Test
	void onlyTheCoarseValueOfPhaseAgeGroupAndStatusIsCopiedAndTheRatingStaysSealed() throws Exception {
		UUID extra = deployment(2, 1, 0);
		assertThat(this.jdbc
			.queryForList("select characteristic || '=' || scale_value from evaluation_characteristic where case_id = ?"
					+ " order by characteristic", String.class, extra))
			.containsExactly("AGE_GROUP=1", "PHASE=2", "STATUS=0");
		assertThat(this.jdbc.queryForList("select column_name from information_schema.columns"
				+ " where table_name = 'evaluation_characteristic' order by column_name", String.class))
			.containsExactlyInAnyOrder("id", "rating_id", "case_id", "characteristic", "scale_value", "rated_at");
		this.erasure.erase(new CaseId(extra), ErasureKind.PERSON_REQUEST, null, null, "coordinator");
	}

	@Test
	void eachRunIsLoggedOnceAsStatisticalUseWhateverItShows() throws Exception {
		long before = statisticalUse();
		as("coordinator", get("/api/v1/evaluation/interventions")).andExpect(status().isOk());
		assertThat(statisticalUse()).isEqualTo(before + 1);
		this.mvc.perform(get("/evaluation").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk());
		assertThat(statisticalUse()).as("the page's tables and breakdowns are one run").isEqualTo(before + 2);
		this.mvc.perform(get("/evaluation.csv").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk());
		assertThat(statisticalUse()).isEqualTo(before + 3);
	}

	@Test
	void thePageTheCsvAndTheApiCarryTheBreakdowns() throws Exception {
		as("coordinator", get("/api/v1/evaluation/interventions")).andExpect(status().isOk())
			.andExpect(jsonPath("$.byPhase").isArray())
			.andExpect(jsonPath("$.byAgeGroup").isArray())
			.andExpect(jsonPath("$.byStatus").isArray())
			.andExpect(jsonPath("$.interventions[0].workingElements").isArray())
			.andExpect(jsonPath("$.rule").value(containsString("breakdown")));
		String csv = this.mvc
			.perform(get("/evaluation.csv").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).startsWith("breakdown;category;cases;completed;stopped_early;ongoing;mean_duration_days;value")
			.contains("\r\nphase;family-support;13;;;;;1;;;;\r\n")
			.contains("\r\nphase;family-support;;;;;;2;;;;\r\n")
			.contains("\r\nage_group;family-support;15;;;;;0;;;;\r\n")
			.contains("\r\nstatus;family-support;13;;;;;not_rated;;;;\r\n")
			.contains("\r\nintervention;family-support;25;");
		as("coordinator", get("/api/v1/evaluation/interventions.csv?breakdown=age-group")).andExpect(status().isOk())
			.andExpect(content().string(containsString("intervention;value;cases;completed;")))
			.andExpect(content().string(containsString("\r\nfamily-support;0;15;;;;;")))
			.andExpect(content().string(containsString("\r\nfamily-support;1;;;;;;")));
		as("coordinator", get("/api/v1/evaluation/interventions.csv?breakdown=religion"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("breakdown"));
		this.mvc.perform(get("/evaluation").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Per fase van radicalisering")))
			.andExpect(content().string(containsString("Per leeftijdsgroep")))
			.andExpect(content().string(containsString("Per justitiële status")))
			.andExpect(content().string(containsString("id=\"breakdown-chart-PHASE\"")))
			.andExpect(content().string(containsString("aria-labelledby=\"breakdown-PHASE\"")))
			.andExpect(content().string(not(containsString("nog niet beschikbaar"))));
	}

	@Test
	void aProfessionalWithoutTheCoordinatorRoleIsRefused() throws Exception {
		as("politie", get("/api/v1/evaluation/interventions")).andExpect(status().isForbidden());
		this.mvc.perform(get("/evaluation.csv").with(user(this.accounts.loadUserByUsername("gemeente"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/evaluation").with(user(this.accounts.loadUserByUsername("ggz"))))
			.andExpect(status().isForbidden());
	}

	/**
	 * A case with family support chosen, its phase and age group rated by the coordinator
	 * and its status (when given) by the police.
	 */
	private UUID deployment(int phase, int ageGroup, Integer justiceStatus) throws Exception {
		String url = AssessmentIsRatedPerDomainIT.register(this.mvc);
		AssessmentIsRatedPerDomainIT.admit(this.mvc, url, "gemeente-midden");
		if (justiceStatus != null) {
			AssessmentIsRatedPerDomainIT.admit(this.mvc, url, "politie-midden");
		}
		as("coordinator", post(url + "/interventions"), """
				{"intervention": "family-support", "startedOn": "%s", "expectedWeeks": 12,
				 "addressedDomains": ["social-context"],
				 "parts": [{"organisation": "gemeente-midden", "description": "Gezinscoach"}]}"""
			.formatted(LocalDate.now().minusMonths(2))).andExpect(status().isCreated());
		List<String> ratings = new ArrayList<>();
		ratings.add("{\"domain\": \"ideology-phase\", \"item\": \"phase\", \"score\": " + phase
				+ ", \"justification\": \"Ziet de groep als familie\"}");
		ratings.add("{\"domain\": \"person\", \"item\": \"age-group\", \"score\": " + ageGroup + "}");
		as("coordinator", post(url + "/assessments"),
				"{\"moment\": \"INTAKE\", \"ratings\": [" + String.join(", ", ratings) + "]}")
			.andExpect(status().isCreated());
		if (justiceStatus != null) {
			as("politie", post(url + "/assessments"), """
					{"ratings": [{"domain": "justice-status", "item": "status", "score": %d}]}"""
				.formatted(justiceStatus)).andExpect(status().isCreated());
		}
		return AssessmentIsRatedPerDomainIT.caseId(url);
	}

	private long copies(UUID caseId) {
		return this.jdbc.queryForObject("select count(*) from evaluation_characteristic where case_id = ?", Long.class,
				caseId);
	}

	private long statisticalUse() {
		return this.jdbc.queryForObject("select count(*) from disclosure where rule_id = 'statistical-use'"
				+ " and item_kind = 'EVALUATION' and actor = 'coordinator'", Long.class);
	}

	private ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
		return as(user, request, null);
	}

	private ResultActions as(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.mvc.perform(DemoApi.as(user, "CASE_CONSULTATION", request, body));
	}

}
