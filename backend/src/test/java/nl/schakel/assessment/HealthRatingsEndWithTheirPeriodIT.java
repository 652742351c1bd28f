package nl.schakel.assessment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Health information shared for a consultation is kept a year after the case closes
 * ({@code policies/retention.yaml}), while the case itself is kept and followed up
 * longer. A follow-up rating of the health domain after that year is refused at the
 * field: accepted, it would be erased again by the next run of the retention job, and the
 * professional would believe it recorded.
 */
@IntegrationTest
class HealthRatingsEndWithTheirPeriodIT {

	private static final String HEALTH_RATING = """
			{"moment": "FOLLOW_UP", "ratings": [{"domain": "psychopathology", "item": "treatment", "score": 2}]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ParticipationRegistry participation;

	@Autowired
	UserDetailsService accounts;

	@Test
	void aYearAfterClosureTheCarePartnerRatesTheSocialDomainsAtFollowUpButNoLongerTheHealthDomain() throws Exception {
		String url = caseFollowedUpByGgz(today().minusMonths(26));
		close(url, today().minusMonths(13));

		as("ggz", post(url + "/assessments"), HEALTH_RATING).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ratings[0].domain"))
			.andExpect(jsonPath("$.errors[0].message", containsString("HEALTH")));
		assertThat(ratings(url, "HEALTH")).isZero();

		as("ggz", post(url + "/assessments"), """
				{"moment": "FOLLOW_UP", "ratings": [{"domain": "social-context", "item": "family", "score": 1}]}""")
			.andExpect(status().isCreated());
		assertThat(ratings(url, "SOCIAL")).isEqualTo(1);
	}

	@Test
	void withinTheYearAfterClosureTheHealthDomainIsStillRatedAtFollowUp() throws Exception {
		String url = caseFollowedUpByGgz(today().minusMonths(4));
		close(url, today().minusMonths(1));

		as("ggz", post(url + "/assessments"), HEALTH_RATING).andExpect(status().isCreated());
		assertThat(ratings(url, "HEALTH")).isEqualTo(1);
	}

	@Test
	void anExtensionOfTheCaseKeepsItsHealthInformationAndSoItsHealthRatings() throws Exception {
		String url = caseFollowedUpByGgz(today().minusMonths(26));
		close(url, today().minusMonths(13));
		this.jdbc.update("""
				insert into retention_extension (id, case_id, extended_until, reason, recorded_by, recorded_at)
				values (gen_random_uuid(), ?, ?, 'Lopende procedure bij de rechtbank', 'coordinator', now())""",
				caseId(url), today().plusMonths(6));

		as("ggz", post(url + "/assessments"), HEALTH_RATING).andExpect(status().isCreated());
	}

	@Test
	void theFollowUpPageNoLongerOffersTheHealthDomainAfterItsPeriodAndTakesNoScoreForItIfPostedAnyway()
			throws Exception {
		String url = caseFollowedUpByGgz(today().minusMonths(26));
		close(url, today().minusMonths(13));
		String moment = this.jdbc.queryForObject(
				"select id::text from follow_up where case_id = ? and months_after_start = 24", String.class,
				caseId(url));
		String page = "/cases/" + caseId(url) + "/follow-ups/" + moment;
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(post(page + "/purpose").with(user(this.accounts.loadUserByUsername("ggz")))
				.with(csrf())
				.session(session)
				.param("purpose", "CASE_CONSULTATION"))
			.andExpect(redirectedUrl(page));

		this.mvc.perform(get(page).with(user(this.accounts.loadUserByUsername("ggz"))).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("score.social-context.family")))
			.andExpect(content().string(not(containsString("score.psychopathology.treatment"))))
			.andExpect(content().string(containsString("bewaartermijn van deze gegevens na afsluiting is verstreken")));
		this.mvc
			.perform(post(page).with(user(this.accounts.loadUserByUsername("ggz")))
				.with(csrf())
				.session(session)
				.param("moment", "FOLLOW_UP")
				.param("legalBasis", "PUBLIC_TASK")
				.param("score.psychopathology.treatment", "2"))
			// a score for a domain not offered is not taken: nothing rated
			.andExpect(status().isUnprocessableContent());
		assertThat(ratings(url, "HEALTH")).isZero();
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/Amsterdam"));
	}

	/**
	 * A case with GGZ and the municipality admitted and an intervention GGZ delivers
	 * first, started on the day given: GGZ is responsible for its follow-up moments.
	 */
	private String caseFollowedUpByGgz(LocalDate startedOn) throws Exception {
		String url = AssessmentIsRatedPerDomainIT.register(this.mvc);
		for (String organisation : List.of("ggz-midden", "gemeente-midden")) {
			AssessmentIsRatedPerDomainIT.admit(this.mvc, url, organisation);
		}
		as("coordinator", post(url + "/interventions"), """
				{"intervention": "mentoring", "startedOn": "%s", "expectedWeeks": 26,
				 "addressedDomains": ["psychopathology", "social-context"],
				 "parts": [{"organisation": "ggz-midden", "description": "Traumasensitieve begeleiding"},
				           {"organisation": "gemeente-midden", "description": "Mentor en dagbesteding"}]}"""
			.formatted(startedOn)).andExpect(status().isCreated());
		return url;
	}

	// closed after its plan, as the lifecycle closes it, on the day the story needs
	private void close(String url, LocalDate on) {
		this.jdbc.update(
				"update case_file set status = 'CLOSED', closed_on = ?, close_reason = 'GOALS_ACHIEVED' where id = ?",
				on, caseId(url));
		this.participation.endOnClosure(new CaseId(caseId(url)), "zvh-midden", List.of("ACCOUNTABILITY"),
				"coordinator");
	}

	private long ratings(String url, String category) {
		return this.jdbc.queryForObject("select count(*) from assessment_rating where case_id = ? and category = ?",
				Long.class, caseId(url), category);
	}

	private static UUID caseId(String url) {
		return AssessmentIsRatedPerDomainIT.caseId(url);
	}

	private ResultActions as(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.mvc.perform(DemoApi.as(user, "CASE_CONSULTATION", request, body));
	}

}
