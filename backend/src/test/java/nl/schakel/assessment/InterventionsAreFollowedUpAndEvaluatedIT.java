package nl.schakel.assessment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Interventions are chosen from the catalogue by the coordinator, delivered by partners
 * of the case, followed up at the policy's moments, and evaluated only in aggregates that
 * hide small groups — producing them is logged as statistical use.
 */
@IntegrationTest
class InterventionsAreFollowedUpAndEvaluatedIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theCatalogueListsInterventionsWithWorkingElementsConditionsAndTheFollowUpSchedule() throws Exception {
		this.mvc.perform(get("/api/v1/interventions").with(httpBasic("gemeente", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.followUpMonths").value(org.hamcrest.Matchers.contains(3, 6, 12, 24)))
			.andExpect(jsonPath("$.interventions[?(@.code == 'mentoring')].workingElements[0]")
				.value(hasItem("SOCIAL_EDUCATIONAL")))
			.andExpect(jsonPath("$.interventions[?(@.code == 'mentoring')].conditions.familyOrCommunity")
				.value(hasItem(true)))
			.andExpect(jsonPath("$.interventions[?(@.code == 'mentoring')].deliveredBy").value(hasItem("MUNICIPAL")));
	}

	@Test
	void theCoordinatorChoosesAnInterventionDeliveredByPartnersWithCommunityPersonsInvolved() throws Exception {
		String url = caseWithPartners();
		as("gemeente", post(url + "/interventions"), mentoring(LocalDate.now().minusMonths(1)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("intervention"));
		String id = created(as("coordinator", post(url + "/interventions"), mentoring(LocalDate.now().minusMonths(1))));
		as("gemeente", get(url + "/interventions"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].intervention").value("mentoring"))
			.andExpect(jsonPath("$[0].deliveringOrganisations[0]").value("gemeente-midden"))
			.andExpect(jsonPath("$[0].addressedDomains[0]").value("psychological-needs"))
			.andExpect(jsonPath("$[0].details.involvedPersons[0].name").value("Imam Yusuf"))
			.andExpect(jsonPath("$[0].details.involvedPersons[0].role").value("sleutelfiguur"))
			.andExpect(jsonPath("$[0].followUps.length()").value(4));
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from case_intervention where id = ?::uuid"
								+ " and position(convert_to('Yusuf', 'UTF8') in details_ciphertext) > 0",
						Long.class, id))
			.as("the persons involved are stored sealed")
			.isZero();
		as("om", get(url + "/interventions"), null).andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Yusuf"))));
	}

	@Test
	void choosingRefusesBadInputNamingTheFieldAndWritesNothing() throws Exception {
		String url = caseWithPartners();
		as("coordinator", post(url + "/interventions"), """
				{"intervention": "astrology", "startedOn": "2026-01-01", "expectedWeeks": 10,
				 "addressedDomains": ["online"], "parts": [{"organisation": "gemeente-midden", "description": "x"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("intervention"));
		as("coordinator", post(url + "/interventions"), """
				{"intervention": "mentoring", "startedOn": "2026-01-01", "expectedWeeks": 10,
				 "addressedDomains": ["online"], "parts": [{"organisation": "om-midden", "description": "x"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("parts[0].organisation"));
		as("coordinator", post(url + "/interventions"), """
				{"intervention": "mentoring", "startedOn": "2026-01-01", "expectedWeeks": 0,
				 "addressedDomains": ["stars"], "parts": [{"organisation": "gemeente-midden", "description": "x"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("expectedWeeks"))
			.andExpect(jsonPath("$.errors[1].field").value("addressedDomains[0]"));
		assertThat(this.jdbc.queryForObject("select count(*) from case_intervention where case_id = ?", Long.class,
				AssessmentIsRatedPerDomainIT.caseId(url)))
			.isZero();
	}

	@Test
	void followUpsFallDueThreeSixTwelveAndTwentyFourMonthsAfterTheStartAndTheOverdueOnesAreListed() throws Exception {
		String url = caseWithPartners();
		LocalDate start = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusMonths(4);
		String id = created(as("coordinator", post(url + "/interventions"), mentoring(start)));
		assertThat(this.jdbc
			.queryForList("select due_on from follow_up where case_intervention_id = ?::uuid order by due_on",
					java.sql.Date.class, id)
			.stream()
			.map(java.sql.Date::toLocalDate)
			.toList())
			.containsExactly(start.plusMonths(3), start.plusMonths(6), start.plusMonths(12), start.plusMonths(24));
		as("coordinator", get("/api/v1/follow-ups?due=overdue"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.interventionId == '" + id + "')].monthsAfterStart")
				.value(org.hamcrest.Matchers.contains(3)))
			.andExpect(jsonPath("$[?(@.interventionId == '" + id + "')].responsibleOrganisation")
				.value(hasItem("gemeente-midden")));
		as("gemeente", get("/api/v1/follow-ups?due=overdue"), null).andExpect(status().isForbidden());
		as("coordinator", get("/api/v1/follow-ups?due=someday"), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("due"));
		// the responsible partner follows up: a repeated assessment at the follow-up
		// moment
		as("gemeente", post(url + "/assessments"), """
				{"moment": "FOLLOW_UP", "ratings": [{"domain": "social-context", "item": "family", "score": 1}]}""")
			.andExpect(status().isCreated());
		as("coordinator", get("/api/v1/follow-ups?due=overdue"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.interventionId == '" + id + "')]").isEmpty());
	}

	@Test
	void anOutcomeIsCompletedOrStoppedEarlyWithAReasonAndABarrierHasAResponse() throws Exception {
		String url = caseWithPartners();
		String id = created(as("coordinator", post(url + "/interventions"), mentoring(LocalDate.now().minusMonths(2))));
		as("gemeente", post(url + "/interventions/" + id + "/barriers"), """
				{"kind": "DISTRUST", "occurredOn": "%s", "response": "Sleutelfiguur bemiddelt"}"""
			.formatted(LocalDate.now().minusDays(3))).andExpect(status().isCreated());
		as("gemeente", post(url + "/interventions/" + id + "/outcome"), """
				{"outcome": "STOPPED_EARLY", "endedOn": "%s"}""".formatted(LocalDate.now().minusDays(1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		as("politie", post(url + "/interventions/" + id + "/outcome"), """
				{"outcome": "COMPLETED", "endedOn": "%s"}""".formatted(LocalDate.now().minusDays(1)))
			.andExpect(status().isForbidden());
		as("gemeente", post(url + "/interventions/" + id + "/outcome"), """
				{"outcome": "STOPPED_EARLY", "endedOn": "%s", "reason": "Verhuisd naar het buitenland"}"""
			.formatted(LocalDate.now().minusDays(1))).andExpect(status().isOk());
		as("ggz", get(url + "/interventions"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].outcome").value("STOPPED_EARLY"))
			.andExpect(jsonPath("$[0].outcomeNote.reason").value("Verhuisd naar het buitenland"))
			.andExpect(jsonPath("$[0].barriers[0].kind").value("DISTRUST"))
			.andExpect(jsonPath("$[0].barriers[0].response").value("Sleutelfiguur bemiddelt"));
	}

	@Test
	void evaluationHidesSmallCellsAndTheirDifferencesAndIsLoggedAsStatisticalUse() throws Exception {
		// twelve cases of digital resilience: eleven completed, one still running
		for (int i = 0; i < 12; i++) {
			String url = caseWithPartners();
			String id = created(as("coordinator", post(url + "/interventions"),
					"""
							{"intervention": "digital-resilience", "startedOn": "%s", "expectedWeeks": 8,
							 "addressedDomains": ["online"], "parts": [{"organisation": "gemeente-midden", "description": "training"}]}"""
						.formatted(LocalDate.now().minusMonths(3))));
			if (i > 0) {
				as("coordinator", post(url + "/interventions/" + id + "/outcome"), """
						{"outcome": "COMPLETED", "endedOn": "%s"}""".formatted(LocalDate.now().minusDays(i)))
					.andExpect(status().isOk());
			}
		}
		long before = statisticalUse();
		as("coordinator", get("/api/v1/evaluation/interventions"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.threshold").value(10))
			.andExpect(jsonPath("$.rule").value(containsString("10")))
			.andExpect(jsonPath("$.interventions[?(@.intervention == 'digital-resilience')].suppressed")
				.value(hasItem(false)))
			.andExpect(jsonPath("$.interventions[?(@.intervention == 'digital-resilience')].cases").value(hasItem(12)))
			// 11 completed would reveal the one case still running: the parts are hidden
			// together
			.andExpect(jsonPath("$.interventions[?(@.intervention == 'digital-resilience')].completed")
				.value(hasItem(org.hamcrest.Matchers.nullValue())))
			.andExpect(jsonPath("$.interventions[?(@.intervention == 'digital-resilience')].ongoing")
				.value(hasItem(org.hamcrest.Matchers.nullValue())))
			.andExpect(jsonPath("$.interventions[?(@.intervention == 'digital-resilience')].meanDurationDays")
				.value(hasItem(org.hamcrest.Matchers.notNullValue())))
			.andExpect(jsonPath("$.interventions[?(@.intervention == 'exit-counselling')].suppressed")
				.value(hasItem(true)))
			.andExpect(jsonPath("$.interventions[?(@.intervention == 'exit-counselling')].cases")
				.value(hasItem(org.hamcrest.Matchers.nullValue())))
			.andExpect(content().string(not(containsString("caseId"))));
		assertThat(statisticalUse()).isEqualTo(before + 1);
		as("coordinator", get("/api/v1/evaluation/interventions.csv"), null).andExpect(status().isOk())
			.andExpect(content().string(containsString("digital-resilience;COGNITIVE,SOCIAL_EDUCATIONAL;12;;;;")))
			.andExpect(content().string(containsString("trauma-treatment;PSYCHOSOCIAL,COGNITIVE;;;;;")));
		assertThat(statisticalUse()).isEqualTo(before + 2);
		as("politie", get("/api/v1/evaluation/interventions"), null).andExpect(status().isForbidden());
	}

	private long statisticalUse() {
		return this.jdbc.queryForObject("select count(*) from disclosure where rule_id = 'statistical-use'"
				+ " and item_kind = 'EVALUATION' and actor = 'coordinator'", Long.class);
	}

	static String mentoring(LocalDate start) {
		return """
				{"intervention": "mentoring", "startedOn": "%s", "expectedWeeks": 26,
				 "addressedDomains": ["psychological-needs", "social-context"],
				 "parts": [{"organisation": "gemeente-midden", "description": "Mentor en dagbesteding"},
				           {"organisation": "ggz-midden", "description": "Traumasensitieve begeleiding"}],
				 "involvedPersons": [{"name": "Imam Yusuf", "role": "sleutelfiguur"}]}""".formatted(start);
	}

	private String caseWithPartners() throws Exception {
		String url = AssessmentIsRatedPerDomainIT.register(this.mvc);
		for (String organisation : List.of("ggz-midden", "politie-midden", "gemeente-midden")) {
			AssessmentIsRatedPerDomainIT.admit(this.mvc, url, organisation);
		}
		return url;
	}

	private static String created(ResultActions result) throws Exception {
		return JsonPath.read(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"$.id");
	}

	private ResultActions as(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.mvc.perform(DemoApi.as(user, "CASE_CONSULTATION", request, body));
	}

}
