package nl.schakel.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.database.ExclusiveWork;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.notification.Notifications;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The partner responsible for a follow-up moment, and the case's coordinator, hear once
 * that it comes near and once that it passed unrecorded — by the case's reference only,
 * however often the job runs — and nobody hears of a moment that was recorded.
 */
@IntegrationTest
class FollowUpRemindersIT {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FollowUps followUps;

	@Autowired
	Notifications notifications;

	@Autowired
	CaseFileService cases;

	@Autowired
	OrganisationDirectory organisations;

	@Autowired
	ExclusiveWork exclusive;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aMomentDueWithinAWeekRemindsTheResponsiblePartnerAndTheCoordinatorOnceHoweverOftenTheJobRuns()
			throws Exception {
		UUID moment = firstMoment(caseWithIntervention());
		LocalDate due = dueOn(moment);

		runOn(due.minusDays(8), 2);
		assertThat(reminders(moment)).as("eight days ahead is not yet within the week").isEmpty();

		runOn(due.minusDays(3), 2);
		runOn(due.minusDays(2), 2);

		assertThat(reminders(moment)).containsExactlyInAnyOrder(
				Map.of("kind", "FOLLOW_UP_DUE", "recipient", "gemeente-midden/"),
				Map.of("kind", "FOLLOW_UP_DUE", "recipient", "zvh-midden/coordinator"));
	}

	@Test
	void aMomentPassedUnrecordedRemindsOnceThatItIsOverdueNamingTheCaseByItsReferenceOnly() throws Exception {
		String url = caseWithIntervention();
		UUID moment = firstMoment(url);
		LocalDate due = dueOn(moment);

		runOn(due.minusDays(1), 1);
		runOn(due.plusDays(1), 2);
		runOn(due.plusDays(5), 1);

		assertThat(reminders(moment)).filteredOn((r) -> r.get("kind").equals("FOLLOW_UP_OVERDUE"))
			.containsExactlyInAnyOrder(Map.of("kind", "FOLLOW_UP_OVERDUE", "recipient", "gemeente-midden/"),
					Map.of("kind", "FOLLOW_UP_OVERDUE", "recipient", "zvh-midden/coordinator"));
		String reference = this.jdbc.queryForObject("select reference from case_file where id = ?", String.class,
				AssessmentIsRatedPerDomainIT.caseId(url));
		assertThat(this.jdbc.queryForList("select case_reference from notification where subject_id = ?", String.class,
				moment))
			.as("a reminder names the case by its reference, nothing of the intervention or the person")
			.containsOnly(reference);
	}

	@Test
	void aRecordedMomentRemindsNobody() throws Exception {
		String url = caseWithIntervention();
		UUID moment = firstMoment(url);
		// the responsible partner follows up: a repeated assessment at the follow-up
		// moment
		this.mvc.perform(DemoApi.as("gemeente", "CASE_CONSULTATION", post(url + "/assessments"), """
				{"moment": "FOLLOW_UP", "ratings": [{"domain": "social-context", "item": "family", "score": 1}]}"""))
			.andExpect(status().isCreated());
		assertThat(this.jdbc.queryForObject("select done_at is not null from follow_up where id = ?", Boolean.class,
				moment))
			.isTrue();

		LocalDate due = dueOn(moment);
		runOn(due.minusDays(3), 1);
		runOn(due.plusDays(1), 1);

		assertThat(reminders(moment)).isEmpty();
	}

	/**
	 * Runs the scheduled job (job lock, transaction) as if it were noon on that day, this
	 * many times.
	 */
	private void runOn(LocalDate day, int times) {
		Clock noon = Clock.fixed(day.atTime(12, 0).atZone(AMSTERDAM).toInstant(), AMSTERDAM);
		// an interval of milliseconds lets the job lock go between runs, as hours would
		// in production
		FollowUpReminders job = new FollowUpReminders(this.followUps, this.notifications, this.cases,
				this.organisations, noon, 7, true, Duration.ofMillis(20), this.exclusive);
		for (int i = 0; i < times; i++) {
			awaitTheJobLockReleased();
			job.onSchedule();
		}
	}

	/**
	 * The previous run's job lock has lapsed (its lock-at-least time, in database time).
	 */
	private void awaitTheJobLockReleased() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from shedlock where name = 'follow-up-reminders' and lock_until > now()",
					Integer.class) == 0);
	}

	private List<Map<String, Object>> reminders(UUID moment) {
		return this.jdbc.queryForList(
				"""
						select kind, coalesce(recipient_organisation, '') || '/' || coalesce(recipient_username, '') as recipient
						from notification where subject_id = ? and kind like 'FOLLOW_UP_%'""",
				moment);
	}

	private LocalDate dueOn(UUID moment) {
		return this.jdbc.queryForObject("select due_on from follow_up where id = ?", java.sql.Date.class, moment)
			.toLocalDate();
	}

	/**
	 * The three-month moment of the case's intervention, started four months ago: overdue
	 * today.
	 */
	private UUID firstMoment(String url) {
		return this.jdbc.queryForObject("select id from follow_up where case_id = ? order by due_on limit 1",
				UUID.class, AssessmentIsRatedPerDomainIT.caseId(url));
	}

	private String caseWithIntervention() throws Exception {
		String url = AssessmentIsRatedPerDomainIT.register(this.mvc);
		for (String organisation : List.of("ggz-midden", "gemeente-midden")) {
			AssessmentIsRatedPerDomainIT.admit(this.mvc, url, organisation);
		}
		String created = this.mvc
			.perform(DemoApi.as("coordinator", "CASE_CONSULTATION", post(url + "/interventions"),
					InterventionsAreFollowedUpAndEvaluatedIT.mentoring(LocalDate.now(AMSTERDAM).minusMonths(4))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(created, "$.id")).isNotNull();
		return url;
	}

}
