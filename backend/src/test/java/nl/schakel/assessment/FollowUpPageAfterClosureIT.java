package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The follow-up page of a case closed after its plan: the partner whose admission the
 * closure ended reaches it from its follow-up overview and records the follow-up
 * assessment and its intervention's outcome there, stored as the API stores them, without
 * the page reading — or logging — any case content. Anyone else gets the 404 of a case
 * that does not exist; bad input comes back with 422 at its field, nothing written.
 */
@IntegrationTest
class FollowUpPageAfterClosureIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	ParticipationRegistry participation;

	@Autowired
	FollowUpReminders reminders;

	@Test
	void thePartnerRecordsTheFollowUpAssessmentAndTheOutcomeThroughThePageAsTheApiWould() throws Exception {
		String url = caseWithIntervention();
		UUID c = caseId(url);
		String intervention = interventionOf(url);
		close(url);
		String moment = dueMoment(c);
		String page = "/cases/" + c + "/follow-ups/" + moment;
		MockHttpSession session = new MockHttpSession();

		// the reminder leads to the overview, and the overview to the page, not to the
		// case page closed to the partner
		this.reminders.remind();
		this.mvc.perform(get("/notifications").with(as("gemeente")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/follow-ups\"")));
		this.mvc.perform(get("/follow-ups").with(as("gemeente")).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(page)));
		long disclosures = disclosures(c);
		this.mvc.perform(get(page).with(as("gemeente")).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Follow-up van casus " + reference(c))))
			.andExpect(content().string(containsString("Mentortraject met sleutelfiguur")))
			.andExpect(content().string(containsString("3 maanden na de start")))
			// admitted for triage and consultation until the closure: which, is asked
			.andExpect(content().string(containsString("name=\"purpose\"")))
			// no case content: the plan's parts and community persons stay behind the
			// gate
			.andExpect(content().string(not(containsString("Mentor en dagbesteding"))))
			.andExpect(content().string(not(containsString("Imam Yusuf"))));
		this.mvc
			.perform(post(page + "/purpose").with(as("gemeente"))
				.with(csrf())
				.session(session)
				.param("purpose", "CASE_CONSULTATION"))
			.andExpect(redirectedUrl(page));
		this.mvc.perform(get(page).with(as("gemeente")).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("score.social-context.family")));
		assertThat(disclosures(c)).as("showing the page discloses nothing").isEqualTo(disclosures);

		this.mvc
			.perform(post(page).with(as("gemeente"))
				.with(csrf())
				.session(session)
				.param("moment", "FOLLOW_UP")
				.param("legalBasis", "PUBLIC_TASK")
				.param("score.social-context.family", "1")
				.param("justification.social-context.family", "Gezin weer in beeld")
				.param("outcome-" + intervention + ".outcome", "COMPLETED")
				.param("outcome-" + intervention + ".endedOn", today().minusDays(1).toString()))
			.andExpect(redirectedUrl("/follow-ups"))
			.andExpect(flash().attribute("notice", "followUp.recorded"));

		assertThat(this.jdbc.queryForList(
				"select moment || ' ' || domain || ' ' || organisation || ' ' || legal_basis from assessment_rating where case_id = ?",
				String.class, c))
			.containsExactly("FOLLOW_UP social-context gemeente-midden PUBLIC_TASK");
		assertThat(
				this.jdbc.queryForObject("select outcome || ' ' || ended_on from case_intervention where id = ?::uuid",
						String.class, intervention))
			.isEqualTo("COMPLETED " + today().minusDays(1));
		assertThat(this.jdbc.queryForObject("select done_at is not null from follow_up where id = ?::uuid",
				Boolean.class, moment))
			.isTrue();
		// the change is recorded under the purpose chosen, as an API call with
		// X-Purpose
		assertThat(this.jdbc.queryForList(
				"select r.purpose from revision r join assessment_rating_aud a on a.rev = r.id where a.case_id = ?",
				String.class, c))
			.containsOnly("CASE_CONSULTATION");
		// the safety house accounts for the closed case: it reads what the API would
		// have stored
		this.mvc.perform(DemoApi.as("coordinator", "ACCOUNTABILITY", get(url + "/assessments"), null))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[0].moment").value("FOLLOW_UP"))
			.andExpect(jsonPath("$.entries[0].ratings[0].item").value("family"))
			.andExpect(jsonPath("$.entries[0].ratings[0].score").value(1))
			.andExpect(jsonPath("$.entries[0].ratings[0].justification").value("Gezin weer in beeld"));
		// the moment is done: the page says so, a second submit writes nothing, and the
		// overview no longer lists it
		this.mvc.perform(get(page).with(as("gemeente")).session(session))
			.andExpect(redirectedUrl("/follow-ups"))
			.andExpect(flash().attribute("problem", "followUp.noLongerDue"));
		this.mvc
			.perform(post(page).with(as("gemeente"))
				.with(csrf())
				.session(session)
				.param("moment", "FOLLOW_UP")
				.param("legalBasis", "PUBLIC_TASK")
				.param("score.social-context.family", "1"))
			.andExpect(redirectedUrl("/follow-ups"))
			.andExpect(flash().attribute("problem", "followUp.noLongerDue"));
		assertThat(this.jdbc.queryForObject("select count(*) from assessment_rating where case_id = ?", Long.class, c))
			.isEqualTo(1);
		this.mvc.perform(get("/follow-ups").with(as("gemeente")))
			.andExpect(content().string(not(containsString(page))));
	}

	@Test
	void anyoneButThePartnerWhoseAdmissionTheClosureEndedGetsTheNotFoundOfACaseThatDoesNotExist() throws Exception {
		String url = caseWithIntervention();
		UUID c = caseId(url);
		String intervention = interventionOf(url);
		close(url);
		String moment = dueMoment(c);
		String page = "/cases/" + c + "/follow-ups/" + moment;

		// another organisation, one that took part but is not responsible, the
		// coordinator (whose admission the closure kept), another safety house
		for (String user : List.of("politie", "ggz", "coordinator", "coordinator-zuid", "auditor", "beheer")) {
			refused(user, page, intervention);
		}
		// a case or a moment that does not exist, a moment of another case
		refused("gemeente", "/cases/" + UUID.randomUUID() + "/follow-ups/" + moment, intervention);
		refused("gemeente", "/cases/" + c + "/follow-ups/" + UUID.randomUUID(), intervention);
		String other = caseWithIntervention();
		close(other);
		refused("gemeente", "/cases/" + c + "/follow-ups/" + dueMoment(caseId(other)), intervention);

		// removed before the closure: the closure ended no admission of theirs
		String removed = caseWithIntervention();
		String municipality = this.jdbc.queryForObject(
				"select id::text from participation where case_id = ? and organisation_code = 'gemeente-midden'",
				String.class, caseId(removed));
		this.mvc
			.perform(DemoApi.as("coordinator", "CASE_CONSULTATION", delete(removed + "/participants/" + municipality),
					null))
			.andExpect(status().is2xxSuccessful());
		close(removed);
		refused("gemeente", "/cases/" + caseId(removed) + "/follow-ups/" + dueMoment(caseId(removed)),
				interventionOf(removed));
		this.mvc.perform(get("/follow-ups").with(as("gemeente")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(caseId(removed).toString()))));

		for (String c2 : List.of(url, removed)) {
			assertThat(this.jdbc.queryForObject("select count(*) from assessment_rating where case_id = ?",
					Integer.class, caseId(c2)))
				.isZero();
			assertThat(this.jdbc.queryForObject(
					"select count(*) from case_intervention where case_id = ? and outcome is not null", Integer.class,
					caseId(c2)))
				.isZero();
		}
	}

	@Test
	void anIntakeMomentABadRatingOrAPurposeNotAdmittedComesBackAtItsFieldWithTheInputKeptAndNothingWritten()
			throws Exception {
		String url = caseWithIntervention();
		UUID c = caseId(url);
		String intervention = interventionOf(url);
		close(url);
		String page = "/cases/" + c + "/follow-ups/" + dueMoment(c);
		MockHttpSession session = new MockHttpSession();
		// a purpose the closure ended no admission for
		this.mvc
			.perform(post(page + "/purpose").with(as("gemeente"))
				.with(csrf())
				.session(session)
				.param("purpose", "MONITORING"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"fu-purpose-error\"")));
		this.mvc
			.perform(post(page + "/purpose").with(as("gemeente"))
				.with(csrf())
				.session(session)
				.param("purpose", "CASE_CONSULTATION"))
			.andExpect(redirectedUrl(page));

		this.mvc
			.perform(post(page).with(as("gemeente"))
				.with(csrf())
				.session(session)
				.param("moment", "INTAKE")
				.param("score.social-context.family", "1")
				.param("justification.social-context.family", "Bewaarde toelichting"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"fu-moment-error\"")))
			.andExpect(content().string(containsString("Bewaarde toelichting")));
		this.mvc
			.perform(post(page).with(as("gemeente"))
				.with(csrf())
				.session(session)
				.param("moment", "FOLLOW_UP")
				.param("score.social-context.family", "9"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"fu-score.social-context.family-error\"")))
			.andExpect(content().string(containsString("Kies een van de ankers van de schaal.")));
		// a valid assessment with an outcome stopped early without a reason: neither is
		// kept
		this.mvc
			.perform(post(page).with(as("gemeente"))
				.with(csrf())
				.session(session)
				.param("moment", "FOLLOW_UP")
				.param("score.social-context.family", "1")
				.param("outcome-" + intervention + ".outcome", "STOPPED_EARLY")
				.param("outcome-" + intervention + ".endedOn", today().minusDays(1).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"fu-outcome-" + intervention + ".reason-error\"")));
		// nothing at all
		this.mvc.perform(post(page).with(as("gemeente")).with(csrf()).session(session).param("moment", "FOLLOW_UP"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"fu-ratings\"")));

		assertThat(
				this.jdbc.queryForObject("select count(*) from assessment_rating where case_id = ?", Integer.class, c))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from case_intervention where case_id = ? and outcome is not null", Integer.class, c))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from follow_up where case_id = ? and done_at is not null",
				Integer.class, c))
			.isZero();
	}

	@Test
	void onAnOpenCaseThePageLeadsToTheCasePagesForThoseAdmittedAndNowhereForOthers() throws Exception {
		String url = caseWithIntervention();
		UUID c = caseId(url);
		String page = "/cases/" + c + "/follow-ups/" + dueMoment(c);

		this.mvc.perform(get(page).with(as("gemeente"))).andExpect(redirectedUrl("/cases/" + c + "/assessment"));
		this.mvc.perform(get(page).with(as("politie"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/follow-ups").with(as("gemeente")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/cases/" + c + "/assessment")));
		// the coordinator's overview is as it was
		this.mvc.perform(DemoApi.as("coordinator", "CASE_CONSULTATION", get("/api/v1/follow-ups?due=overdue"), null))
			.andExpect(jsonPath("$[*].momentId", hasItem(dueMoment(c))));
	}

	private void refused(String user, String page, String intervention) throws Exception {
		this.mvc.perform(get(page).with(as(user))).andExpect(status().isNotFound());
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(post(page + "/purpose").with(as(user))
				.with(csrf())
				.session(session)
				.param("purpose", "CASE_CONSULTATION"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(page).with(as(user))
				.with(csrf())
				.session(session)
				.param("moment", "FOLLOW_UP")
				.param("score.social-context.family", "1")
				.param("outcome-" + intervention + ".outcome", "COMPLETED")
				.param("outcome-" + intervention + ".endedOn", today().minusDays(1).toString()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theAssessmentCompletesTheMomentThePageWasOpenedForNotTheOrganisationsEarliest() throws Exception {
		String url = caseWithIntervention();
		UUID c = caseId(url);
		// a second intervention of the municipality, started earlier: its three-month
		// moment is the organisation's earliest open one
		this.mvc
			.perform(DemoApi.as("coordinator", "CASE_CONSULTATION", post(url + "/interventions"),
					InterventionsAreFollowedUpAndEvaluatedIT.mentoring(today().minusMonths(5))))
			.andExpect(status().isCreated());
		close(url);
		List<String> threeMonths = this.jdbc
			.queryForList("select id::text from follow_up where case_id = ? and months_after_start = 3"
					+ " and responsible_organisation = 'gemeente-midden' order by due_on", String.class, c);
		assertThat(threeMonths).hasSize(2);
		String later = threeMonths.get(1);
		String page = "/cases/" + c + "/follow-ups/" + later;
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(post(page + "/purpose").with(as("gemeente"))
				.with(csrf())
				.session(session)
				.param("purpose", "CASE_CONSULTATION"))
			.andExpect(redirectedUrl(page));

		this.mvc
			.perform(post(page).with(as("gemeente"))
				.with(csrf())
				.session(session)
				.param("moment", "FOLLOW_UP")
				.param("legalBasis", "PUBLIC_TASK")
				.param("score.social-context.family", "2"))
			.andExpect(redirectedUrl("/follow-ups"));

		assertThat(this.jdbc.queryForObject("select done_at is not null from follow_up where id = ?::uuid",
				Boolean.class, later))
			.as("the moment the page was for")
			.isTrue();
		assertThat(this.jdbc.queryForObject("select done_at is not null from follow_up where id = ?::uuid",
				Boolean.class, threeMonths.get(0)))
			.as("the other intervention's earlier moment")
			.isFalse();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String user) {
		return user(this.accounts.loadUserByUsername(user));
	}

	private static LocalDate today() {
		return LocalDate.now(FollowUpAfterClosureIT.AMSTERDAM);
	}

	/** Closed after its plan today, as the lifecycle closes it. */
	private void close(String url) {
		this.jdbc.update(
				"update case_file set status = 'CLOSED', closed_on = ?, close_reason = 'GOALS_ACHIEVED' where id = ?",
				today(), caseId(url));
		this.participation.endOnClosure(new nl.schakel.ids.CaseId(caseId(url)), "zvh-midden", List.of("ACCOUNTABILITY"),
				"coordinator");
	}

	/** The three-month moment, overdue today, the municipality's. */
	private String dueMoment(UUID c) {
		return this.jdbc.queryForObject(
				"select id::text from follow_up where case_id = ? and months_after_start = 3 and responsible_organisation = 'gemeente-midden'",
				String.class, c);
	}

	private long disclosures(UUID c) {
		return this.jdbc.queryForObject("select count(*) from disclosure_event where case_id = ?", Long.class, c);
	}

	private String reference(UUID c) {
		return this.jdbc.queryForObject("select reference from case_file where id = ?", String.class, c);
	}

	private static UUID caseId(String url) {
		return AssessmentIsRatedPerDomainIT.caseId(url);
	}

	private String interventionOf(String url) {
		return this.jdbc.queryForObject("select id::text from case_intervention where case_id = ?", String.class,
				caseId(url));
	}

	/**
	 * A case with GGZ and the municipality admitted (for triage and consultation) and a
	 * mentoring intervention the municipality is responsible for, started four months
	 * ago.
	 */
	private String caseWithIntervention() throws Exception {
		String url = AssessmentIsRatedPerDomainIT.register(this.mvc);
		for (String organisation : List.of("ggz-midden", "gemeente-midden")) {
			AssessmentIsRatedPerDomainIT.admit(this.mvc, url, organisation);
		}
		this.mvc
			.perform(DemoApi.as("coordinator", "CASE_CONSULTATION", post(url + "/interventions"),
					InterventionsAreFollowedUpAndEvaluatedIT.mentoring(today().minusMonths(4))))
			.andExpect(status().isCreated());
		return url;
	}

}
