package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.retention.CaseErasure;
import nl.schakel.retention.ErasureKind;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
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
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evaluation counts, per intervention and per breakdown cell, how the concern level of
 * the coordinator's integrated judgements changed around the intervention's start: the
 * latest judgement on or after the start against the latest on or before it, counted from
 * the clear copy of the level alone (the judgement's words stay sealed), each count under
 * the small-cell rule with complementary suppression within the row.
 *
 * <p>
 * Trauma treatment is borrowed for this test: its cases are erased at the end, so other
 * tests still see it used in fewer than 10 cases.
 */
@IntegrationTest
class EvaluationCountsTheChangeInConcernLevelIT {

	private static final String ROW = "$.interventions[?(@.intervention == 'trauma-treatment')].";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CaseErasure erasure;

	@Autowired
	UserDetailsService accounts;

	private final List<UUID> cases = new ArrayList<>();

	@Test
	void theChangeInConcernIsCountedPerInterventionAndASmallCellIsHiddenWithItsNeighbour() throws Exception {
		try {
			for (int i = 0; i < 12; i++) {
				deployment("LOW", "HIGH");
			}
			for (int i = 0; i < 11; i++) {
				deployment("HIGH", "LOW");
			}
			for (int i = 0; i < 10; i++) {
				deployment("MODERATE", "MODERATE");
			}
			for (int i = 0; i < 3; i++) {
				deployment(null, "HIGH");
			}
			// 3 without a judgement before the start: hidden, and so is the smallest
			// shown cell (10 stayed), else the row's 36 minus the cells shown would give
			// the 3 away; the number known follows from the hidden 3, so it is hidden too
			as("coordinator", get("/api/v1/evaluation/interventions")).andExpect(status().isOk())
				.andExpect(jsonPath(ROW + "cases").value(contains(36)))
				.andExpect(jsonPath(ROW + "concernDown").value(contains(11)))
				.andExpect(jsonPath(ROW + "concernUp").value(contains(12)))
				.andExpect(jsonPath(ROW + "concernSame").value(contains(nullValue())))
				.andExpect(jsonPath(ROW + "concernKnown").value(contains(nullValue())));
			for (int i = 0; i < 7; i++) {
				deployment(null, "LOW");
			}
			as("coordinator", get("/api/v1/evaluation/interventions")).andExpect(status().isOk())
				.andExpect(jsonPath(ROW + "cases").value(contains(43)))
				.andExpect(jsonPath(ROW + "concernKnown").value(contains(33)))
				.andExpect(jsonPath(ROW + "concernDown").value(contains(11)))
				.andExpect(jsonPath(ROW + "concernSame").value(contains(10)))
				.andExpect(jsonPath(ROW + "concernUp").value(contains(12)))
				// nobody rated a phase: the one cell would say "all not rated", so it is
				// hidden, its change in concern with it
				.andExpect(jsonPath(
						"$.byPhase[?(@.intervention == 'trauma-treatment' && @.valueLabel.en == 'Not rated')].concernUp")
					.value(contains(nullValue())))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("caseId"))));
			as("coordinator", get("/api/v1/evaluation/interventions.csv")).andExpect(status().isOk())
				.andExpect(content().string(containsString(";concern_known;concern_down;concern_same;concern_up\r\n")))
				.andExpect(content().string(containsString(";33;11;10;12\r\n")));
			this.mvc.perform(get("/evaluation").with(user(this.accounts.loadUserByUsername("coordinator"))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Zorgniveau gestegen")));
			String csv = this.mvc
				.perform(get("/evaluation.csv").with(user(this.accounts.loadUserByUsername("coordinator"))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(csv).contains("value;concern_known;concern_down;concern_same;concern_up\r\n")
				.contains("\r\nintervention;trauma-treatment;43;")
				.contains(";33;11;10;12\r\n");
			// only the level's place on the scale and when it was judged are copied
			assertThat(this.jdbc.queryForList(
					"select scale_value from evaluation_characteristic where case_id = ? and characteristic = 'CONCERN'"
							+ " order by rated_at",
					Integer.class, this.cases.get(0)))
				.containsExactly(0, 2);
		}
		finally {
			for (UUID id : this.cases) {
				this.erasure.erase(new CaseId(id), ErasureKind.PERSON_REQUEST, null, null, "coordinator");
			}
		}
		assertThat(this.jdbc.queryForObject("select count(*) from evaluation_characteristic where case_id = ?",
				Long.class, this.cases.get(0)))
			.as("erasure deletes the copies of the concern level")
			.isZero();
	}

	/**
	 * A case with trauma treatment started ten days ago; a judgement at the level
	 * {@code before} (if any) made a month ago, and one at {@code after} made now.
	 */
	private void deployment(String before, String after) throws Exception {
		String url = AssessmentIsRatedPerDomainIT.register(this.mvc);
		AssessmentIsRatedPerDomainIT.admit(this.mvc, url, "gemeente-midden");
		UUID caseId = AssessmentIsRatedPerDomainIT.caseId(url);
		this.cases.add(caseId);
		as("coordinator", post(url + "/interventions"), """
				{"intervention": "trauma-treatment", "startedOn": "%s", "expectedWeeks": 16,
				 "addressedDomains": ["social-context"],
				 "parts": [{"organisation": "gemeente-midden", "description": "Traumabehandeling"}]}"""
			.formatted(LocalDate.now().minusDays(10))).andExpect(status().isCreated());
		if (before != null) {
			judge(url, before);
			// as if judged a month ago: the copy moved back in time
			Map<String, Object> copy = this.jdbc
				.queryForMap("select id, rating_id, scale_value, rated_at from evaluation_characteristic"
						+ " where case_id = ? and characteristic = 'CONCERN'", caseId);
			this.jdbc.update("delete from evaluation_characteristic where id = ?", copy.get("id"));
			this.jdbc.update(
					"insert into evaluation_characteristic (id, rating_id, case_id, characteristic,"
							+ " scale_value, rated_at) values (?, ?, ?, 'CONCERN', ?, now() - interval '30 days')",
					copy.get("id"), copy.get("rating_id"), caseId, copy.get("scale_value"));
		}
		judge(url, after);
	}

	private void judge(String url, String level) throws Exception {
		as("coordinator", post(url + "/assessments"), """
				{"moment": "PLAN_REVIEW", "integratedJudgement": "Samenhang van factoren", "concernLevel": "%s",
				 "concernJustification": "Zorg"}""".formatted(level)).andExpect(status().isCreated());
	}

	private ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
		return as(user, request, null);
	}

	private ResultActions as(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.mvc.perform(DemoApi.as(user, "CASE_CONSULTATION", request, body));
	}

}
