package nl.schakel.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.contribution.DisclosureRequestService;
import nl.schakel.contribution.RequestDeadlines;
import nl.schakel.notification.CaseScenario.Case;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A disclosure request carries a deadline of five working days; the holder sees who asks,
 * for which case, purpose and category, why and by when; the asker sees the state and the
 * deadline; the holder is reminded once before and once after the deadline, however often
 * the job runs.
 */
@IntegrationTest
class DisclosureRequestDeadlineIT {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Autowired
	nl.schakel.database.ExclusiveWork exclusive;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	DisclosureRequestService requests;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	nl.schakel.casefile.CaseFileService cases;

	@Autowired
	nl.schakel.plan.PlanOfAction plan;

	@Test
	void aNewRequestIsDueFiveWorkingDaysLaterAndTheHolderSeesWhoAsksForWhichCasePurposeCategoryWhyAndByWhen()
			throws Exception {
		CaseScenario s = new CaseScenario(this.mvc);
		Case c = s.newCase();
		s.admit(c, "ggz-midden");
		s.admit(c, "politie-midden");
		String item = s.contribute(c, "ggz", "Behandeling loopt");
		String made = s.request(c, "politie", item, "Nodig voor het veiligheidsplan");
		LocalDate expected = RequestDeadlines.addWorkingDays(LocalDate.now(AMSTERDAM), 5);
		assertThat(LocalDate.parse(JsonPath.read(made, "$.due"))).isEqualTo(expected);
		assertThat(expected.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
		String requestId = JsonPath.read(made, "$.id");

		String inbox = this.mvc
			.perform(get("/api/v1/requests").with(httpBasic("ggz", "demo")).header("X-Purpose", "CASE_CONSULTATION"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String received = "$.received[?(@.id == '" + requestId + "')]";
		assertThat(JsonPath.<List<String>>read(inbox, received + ".requesterOrganisation"))
			.containsExactly("politie-midden");
		assertThat(JsonPath.<List<String>>read(inbox, received + ".caseReference")).containsExactly(c.reference());
		assertThat(JsonPath.<List<String>>read(inbox, received + ".purpose")).containsExactly("CASE_CONSULTATION");
		assertThat(JsonPath.<List<String>>read(inbox, received + ".category")).containsExactly("HEALTH");
		assertThat(JsonPath.<List<String>>read(inbox, received + ".reason"))
			.containsExactly("Nodig voor het veiligheidsplan");
		assertThat(JsonPath.<List<String>>read(inbox, received + ".due")).containsExactly(expected.toString());

		String page = this.mvc.perform(get("/requests").with(user(this.accounts.loadUserByUsername("ggz"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String dutchDue = String.format("%02d-%02d-%d", expected.getDayOfMonth(), expected.getMonthValue(),
				expected.getYear());
		// who asks is shown as a person of an organisation, no longer as the
		// organisation's code
		assertThat(page).contains(c.reference(), "Joost Visser (Politie eenheid Midden)", "Gezondheid",
				"Nodig voor het veiligheidsplan", "Uiterlijk", dutchDue);

		String asked = this.mvc
			.perform(
					get("/api/v1/requests").with(httpBasic("politie", "demo")).header("X-Purpose", "CASE_CONSULTATION"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String sent = "$.sent[?(@.id == '" + requestId + "')]";
		assertThat(JsonPath.<List<String>>read(asked, sent + ".state")).containsExactly("OPEN");
		assertThat(JsonPath.<List<String>>read(asked, sent + ".due")).containsExactly(expected.toString());
		String askerPage = this.mvc.perform(get("/requests").with(user(this.accounts.loadUserByUsername("politie"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(askerPage).contains(c.reference(), dutchDue, "Open");
	}

	@Test
	void theHolderIsRemindedOnceTheWorkingDayBeforeTheDeadlineAndOnceAfterItHoweverOftenTheJobRuns() throws Exception {
		CaseScenario s = new CaseScenario(this.mvc);
		Case c = s.newCase();
		s.admit(c, "ggz-midden");
		s.admit(c, "politie-midden");
		String item = s.contribute(c, "ggz", "Afspraak gemist");
		String made = s.request(c, "politie", item, "Voor het overleg");
		String requestId = JsonPath.read(made, "$.id");
		LocalDate due = LocalDate.parse(JsonPath.read(made, "$.due"));

		assertThat(remindOn(RequestDeadlines.addWorkingDays(due, -2), requestId)).isEmpty();
		LocalDate dayBefore = RequestDeadlines.addWorkingDays(due, -1);
		assertThat(remindOn(dayBefore, requestId)).containsExactly("REQUEST_DEADLINE_NEAR");
		assertThat(remindOn(dayBefore, requestId)).containsExactly("REQUEST_DEADLINE_NEAR");
		assertThat(remindOn(due, requestId)).containsExactly("REQUEST_DEADLINE_NEAR");
		LocalDate after = due.plusDays(1);
		assertThat(remindOn(after, requestId)).containsExactlyInAnyOrder("REQUEST_DEADLINE_NEAR",
				"REQUEST_DEADLINE_PASSED");
		assertThat(remindOn(after.plusDays(3), requestId)).containsExactlyInAnyOrder("REQUEST_DEADLINE_NEAR",
				"REQUEST_DEADLINE_PASSED");

		// the holder, and only the holder, hears of it
		assertThat(s.kinds("ggz", c)).contains("REQUEST_DEADLINE_NEAR", "REQUEST_DEADLINE_PASSED");
		assertThat(s.kinds("politie", c)).doesNotContain("REQUEST_DEADLINE_NEAR", "REQUEST_DEADLINE_PASSED");
		assertThat(s.kinds("coordinator", c)).doesNotContain("REQUEST_DEADLINE_NEAR", "REQUEST_DEADLINE_PASSED");
	}

	@Test
	void anAnsweredRequestIsNotReminded() throws Exception {
		CaseScenario s = new CaseScenario(this.mvc);
		Case c = s.newCase();
		s.admit(c, "ggz-midden");
		s.admit(c, "politie-midden");
		String item = s.contribute(c, "ggz", "Gesprek gevoerd");
		String made = s.request(c, "politie", item, "Voor de planning");
		String requestId = JsonPath.read(made, "$.id");
		LocalDate due = LocalDate.parse(JsonPath.read(made, "$.due"));
		s.refuse("ggz", requestId, "Niet nodig voor dit doel");
		assertThat(remindOn(due.plusDays(2), requestId)).isEmpty();
	}

	@Test
	void aRequestInAClosedCaseIsNotReminded() throws Exception {
		CaseScenario s = new CaseScenario(this.mvc);
		Case c = s.newCase();
		s.admit(c, "ggz-midden");
		s.admit(c, "politie-midden");
		String item = s.contribute(c, "ggz", "Contact met huisarts");
		String made = s.request(c, "politie", item, "Voor de afsluiting");
		String requestId = JsonPath.read(made, "$.id");
		LocalDate due = LocalDate.parse(JsonPath.read(made, "$.due"));
		s.close(c);
		assertThat(remindOn(due.plusDays(2), requestId)).isEmpty();
	}

	@Test
	void anActionPastItsDeadlineRemindsItsOrganisationOnceAndNobodyElse() throws Exception {
		CaseScenario s = new CaseScenario(this.mvc);
		CaseScenario.Case c = s.newCase();
		s.admit(c, "ggz-midden");
		String action = JsonPath
			.read(this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.post("/api/v1/cases/" + c.id() + "/actions")
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.httpBasic("coordinator", "demo"))
					.header("X-Purpose", "CASE_CONSULTATION")
					.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
					.content("{\"description\": \"Huisbezoek\", \"organisation\": \"ggz-midden\", \"due\": \""
							+ LocalDate.now().minusDays(2) + "\"}"))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");

		remindOn(LocalDate.now(), "00000000-0000-0000-0000-000000000000");
		remindOn(LocalDate.now(), "00000000-0000-0000-0000-000000000000");

		assertThat(this.jdbc.queryForList(
				"""
						select recipient_organisation from notification where subject_id = ?::uuid and kind = 'ACTION_OVERDUE'""",
				String.class, action))
			.containsExactly("ggz-midden");
	}

	/**
	 * Runs the reminder job as if it were noon on that day; answers the reminder kinds
	 * made for the request.
	 */
	private List<String> remindOn(LocalDate day, String requestId) {
		Instant noon = day.atTime(12, 0).atZone(AMSTERDAM).toInstant();
		RequestDeadlineReminders job = new RequestDeadlineReminders(this.requests, this.notifications,
				Clock.fixed(noon, AMSTERDAM), this.cases, this.plan, true, Duration.ofHours(1), this.exclusive);
		this.transactions.executeWithoutResult((status) -> job.remind());
		return this.jdbc
			.queryForList("select kind from notification where subject_id = ?::uuid and kind like 'REQUEST_DEADLINE_%'"
					+ " order by created_at", String.class, requestId);
	}

}
