package nl.schakel.assessment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.participation.ParticipationRegistry;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A case closed after its plan is still followed up for as long as its retention allows:
 * the partner responsible for a moment still due records the follow-up assessment and the
 * intervention's outcome on the closed case, and nothing else; its partners are still
 * reminded; a moment on or after the case's erasure date is cancelled with the reason;
 * the coordinator's overview lists the moments with the case marked closed. A case closed
 * otherwise is followed up no more.
 */
@IntegrationTest
class FollowUpAfterClosureIT {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FollowUpReminders reminders;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	ParticipationRegistry participation;

	@Test
	void theResponsiblePartnerRecordsTheFollowUpAssessmentAndTheOutcomeOnACaseClosedAfterItsPlan() throws Exception {
		String url = caseWithIntervention();
		String intervention = interventionOf(url);
		close(url, "GOALS_ACHIEVED", today());

		as("gemeente", post(url + "/assessments"), """
				{"moment": "FOLLOW_UP", "ratings": [{"domain": "social-context", "item": "family", "score": 1}]}""")
			.andExpect(status().isCreated());
		assertThat(this.jdbc.queryForObject(
				"select done_at is not null from follow_up where case_id = ? order by due_on limit 1", Boolean.class,
				caseId(url)))
			.isTrue();
		// the next moment is not in reach yet: nothing more is writable
		as("gemeente", post(url + "/assessments"), """
				{"moment": "FOLLOW_UP", "ratings": [{"domain": "social-context", "item": "family", "score": 2}]}""")
			.andExpect(status().isConflict());

		String other = caseWithIntervention();
		String otherIntervention = interventionOf(other);
		close(other, "REFERRED_TO_REGULAR_CARE", today());
		as("gemeente", post(other + "/interventions/" + otherIntervention + "/outcome"), """
				{"outcome": "COMPLETED", "endedOn": "%s"}""".formatted(today().minusDays(1)))
			.andExpect(status().isOk());
		assertThat(intervention).isNotNull();
	}

	@Test
	void onTheClosedCaseOnlyTheFollowUpMomentIsRecordedNotAnIntakeOrPlanReview() throws Exception {
		String url = caseWithIntervention();
		close(url, "GOALS_ACHIEVED", today());

		for (String moment : List.of("INTAKE", "PLAN_REVIEW")) {
			as("gemeente", post(url + "/assessments"),
					"""
							{"moment": "%s", "ratings": [{"domain": "social-context", "item": "family", "score": 1}]}"""
						.formatted(moment))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("moment"));
		}
		assertThat(this.jdbc.queryForObject("select count(*) from assessment_rating where case_id = ?", Integer.class,
				caseId(url)))
			.isZero();
		as("gemeente", post(url + "/assessments"), """
				{"moment": "FOLLOW_UP", "ratings": [{"domain": "social-context", "item": "family", "score": 1}]}""")
			.andExpect(status().isCreated());
	}

	@Test
	void aPartnerRemovedBeforeTheClosureOrAskingForAnotherPurposeDoesNotFollowUp() throws Exception {
		String url = caseWithIntervention();
		String intervention = interventionOf(url);
		String municipality = this.jdbc.queryForObject(
				"select id::text from participation where case_id = ? and organisation_code = 'gemeente-midden'",
				String.class, caseId(url));
		as("coordinator", delete(url + "/participants/" + municipality), null).andExpect(status().is2xxSuccessful());
		close(url, "GOALS_ACHIEVED", today());

		as("gemeente", post(url + "/assessments"), """
				{"moment": "FOLLOW_UP", "ratings": [{"domain": "social-context", "item": "family", "score": 1}]}""")
			.andExpect(status().isConflict());
		as("gemeente", post(url + "/interventions/" + intervention + "/outcome"), """
				{"outcome": "COMPLETED", "endedOn": "%s"}""".formatted(today().minusDays(1)))
			.andExpect(status().isConflict());

		// admitted until the closure, but for case consultation, not for monitoring
		String other = caseWithIntervention();
		close(other, "GOALS_ACHIEVED", today());
		this.mvc.perform(DemoApi.as("gemeente", "MONITORING", post(other + "/assessments"), """
				{"moment": "FOLLOW_UP", "ratings": [{"domain": "social-context", "item": "family", "score": 1}]}"""))
			.andExpect(status().is4xxClientError());
		for (String c : List.of(url, other)) {
			assertThat(this.jdbc.queryForObject("select count(*) from assessment_rating where case_id = ?",
					Integer.class, caseId(c)))
				.isZero();
			assertThat(
					this.jdbc.queryForObject("select count(*) from follow_up where case_id = ? and done_at is not null",
							Integer.class, caseId(c)))
				.isZero();
		}
	}

	@Test
	void aClosedCaseStillRefusesEveryOtherWrite() throws Exception {
		String url = caseWithIntervention();
		String intervention = interventionOf(url);
		close(url, "GOALS_ACHIEVED", today());

		// a partner that is not responsible for a moment
		as("ggz", post(url + "/assessments"),
				"""
						{"moment": "FOLLOW_UP", "ratings": [{"domain": "psychopathology", "item": "substance-use", "score": 1}]}""")
			.andExpect(status().isConflict());
		// the responsible partner, for anything but the follow-up
		as("gemeente", post(url + "/interventions/" + intervention + "/barriers"), """
				{"kind": "DISTRUST", "occurredOn": "%s", "response": "Sleutelfiguur bemiddelt"}"""
			.formatted(today().minusDays(3))).andExpect(status().isConflict());
		as("gemeente", post(url + "/contributions"),
				"{\"text\": \"Na afsluiting\", \"category\": \"GENERAL\", \"legalBasis\": \"PUBLIC_TASK\"}")
			.andExpect(status().is4xxClientError());
		as("coordinator", post(url + "/interventions"), InterventionsAreFollowedUpAndEvaluatedIT.mentoring(today()))
			.andExpect(status().isConflict());
		// a partner that never took part learns nothing of the case
		as("politie", post(url + "/assessments"), """
				{"moment": "FOLLOW_UP", "ratings": [{"domain": "social-context", "item": "family", "score": 1}]}""")
			.andExpect(status().isNotFound());
		for (String table : List.of("assessment_rating", "intervention_barrier", "contribution")) {
			assertThat(this.jdbc.queryForObject("select count(*) from " + table + " where case_id = ?", Integer.class,
					caseId(url)))
				.as(table)
				.isZero();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from case_intervention where case_id = ?", Integer.class,
				caseId(url)))
			.isEqualTo(1);
	}

	@Test
	void aCaseClosedOtherwiseIsFollowedUpNoMoreAndItsPartnersAreNotReminded() throws Exception {
		String url = caseWithIntervention();
		close(url, "NO_CONSENT_OR_COOPERATION", today());

		as("gemeente", post(url + "/assessments"), """
				{"moment": "FOLLOW_UP", "ratings": [{"domain": "social-context", "item": "family", "score": 1}]}""")
			.andExpect(status().isConflict());
		this.reminders.remind();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification n join follow_up f on f.id = n.subject_id where f.case_id = ?",
				Integer.class, caseId(url)))
			.isZero();
		as("coordinator", get("/api/v1/follow-ups?due=overdue"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.caseId == '" + caseId(url) + "')]").isEmpty());
	}

	@Test
	void momentsOnOrAfterTheErasureDateAreCancelledWithTheReasonAndTheRestStayDueWithTheCaseMarkedClosed()
			throws Exception {
		String url = caseWithIntervention();
		UUID c = caseId(url);
		// closed after its plan almost five years ago (closed after follow-up: kept five
		// years), so the erasure date comes in a month
		LocalDate closed = today().minusYears(5).plusMonths(1);
		close(url, "GOALS_ACHIEVED", closed);
		LocalDate erasure = closed.plusYears(5);

		this.reminders.remind();

		List<LocalDate> cancelled = this.jdbc
			.queryForList("select due_on from follow_up where case_id = ? and cancelled_on is not null order by due_on",
					java.sql.Date.class, c)
			.stream()
			.map(java.sql.Date::toLocalDate)
			.toList();
		assertThat(cancelled).isNotEmpty().allSatisfy((due) -> assertThat(due).isAfterOrEqualTo(erasure));
		assertThat(this.jdbc.queryForList(
				"select cancel_reason from follow_up where case_id = ? and cancelled_on is not null", String.class, c))
			.allSatisfy((reason) -> assertThat(reason).isEqualTo("after the case's erasure date " + erasure));
		// the overdue three-month moment stays due, and its partners are reminded
		assertThat(this.jdbc.queryForObject(
				"select count(*) from follow_up where case_id = ? and cancelled_on is null and done_at is null",
				Integer.class, c))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList(
				"select n.kind from notification n join follow_up f on f.id = n.subject_id where f.case_id = ?",
				String.class, c))
			.contains("FOLLOW_UP_OVERDUE");

		as("coordinator", get("/api/v1/follow-ups?due=overdue"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.caseId == '" + c + "')].caseClosed", hasItem(true)))
			.andExpect(jsonPath("$[?(@.caseId == '" + c + "')].monthsAfterStart", hasItem(3)));
		as("coordinator", get("/api/v1/follow-ups?due=cancelled"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.caseId == '" + c + "')].cancelReason",
					everyItem(startsWith("after the case's erasure date"))))
			.andExpect(jsonPath("$[?(@.caseId == '" + c + "')].monthsAfterStart", hasItem(24)));
		this.mvc.perform(get("/follow-ups").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("casus afgesloten")))
			.andExpect(content().string(containsString("Vervallen op")));
	}

	private static LocalDate today() {
		return LocalDate.now(AMSTERDAM);
	}

	// closed as the lifecycle closes it: the partners' participation ends, the safety
	// house keeps reading for accountability; the day set back where a story needs it
	private void close(String url, String reason, LocalDate on) {
		this.jdbc.update("update case_file set status = 'CLOSED', closed_on = ?, close_reason = ? where id = ?", on,
				reason, caseId(url));
		this.participation.endOnClosure(new nl.schakel.ids.CaseId(caseId(url)), "zvh-midden", List.of("ACCOUNTABILITY"),
				"coordinator");
	}

	private static UUID caseId(String url) {
		return AssessmentIsRatedPerDomainIT.caseId(url);
	}

	private String interventionOf(String url) {
		return this.jdbc.queryForObject("select id::text from case_intervention where case_id = ?", String.class,
				caseId(url));
	}

	/**
	 * A case with GGZ and the municipality admitted and a mentoring intervention started
	 * four months ago: the municipality is responsible for its moments, the three-month
	 * one overdue today.
	 */
	private String caseWithIntervention() throws Exception {
		String url = AssessmentIsRatedPerDomainIT.register(this.mvc);
		for (String organisation : List.of("ggz-midden", "gemeente-midden")) {
			AssessmentIsRatedPerDomainIT.admit(this.mvc, url, organisation);
		}
		String created = as("coordinator", post(url + "/interventions"),
				InterventionsAreFollowedUpAndEvaluatedIT.mentoring(today().minusMonths(4)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(created, "$.id")).isNotNull();
		return url;
	}

	private ResultActions as(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.mvc.perform(DemoApi.as(user, "CASE_CONSULTATION", request, body));
	}

}
