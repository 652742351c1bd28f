package nl.schakel.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.contribution.ContributionAdded;
import nl.schakel.notification.CaseScenario.Case;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Notifications reach the professionals a case event concerns and nobody else, and name
 * the case by reference and the kind of event, never content.
 */
@IntegrationTest
class NotificationsReachTheRightPeopleIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	UserDetailsService accounts;

	RequestPostProcessor as(String user) {
		return user(this.accounts.loadUserByUsername(user));
	}

	CaseScenario scenario() {
		return new CaseScenario(this.mvc);
	}

	@Test
	void anAdmittedOrganisationIsToldByReferenceAndAnOrganisationNotAdmittedHearsNothing() throws Exception {
		CaseScenario s = scenario();
		Case c = s.newCase();
		s.admit(c, "ggz-midden");
		assertThat(s.kinds("ggz", c)).containsExactly("ADMITTED_TO_CASE");
		String ggz = s.notifications("ggz");
		assertThat(JsonPath.<List<String>>read(ggz, "$.notifications[?(@.caseId == '" + c.id() + "')].caseReference"))
			.containsExactly(c.reference());
		assertThat(s.notifications("politie")).doesNotContain(c.id(), c.reference());
		assertThat(s.notifications("verslavingszorg")).doesNotContain(c.id(), c.reference());
		// registering the case admitted the safety house to it: no news to the
		// coordinator
		assertThat(s.kinds("coordinator", c)).isEmpty();
	}

	@Test
	void aScheduledMeetingTellsTheInvitedPartnersAndANewActionItsResponsibleOrganisation() throws Exception {
		CaseScenario s = scenario();
		Case c = s.newCase();
		s.admit(c, "ggz-midden");
		s.admit(c, "politie-midden");
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/meetings")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.httpBasic("coordinator", "demo"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"startsAt\": \"2026-12-10T10:00:00+01:00\", \"caseIds\": [\"" + c.id() + "\"]}"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/cases/" + c.id() + "/actions")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.httpBasic("coordinator", "demo"))
			.header("X-Purpose", "CASE_CONSULTATION")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content(
					"{\"description\": \"Huisbezoek plannen\", \"organisation\": \"ggz-midden\", \"due\": \"2026-12-17\"}"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());

		assertThat(s.kinds("ggz", c)).containsExactly("ACTION_ASSIGNED", "MEETING_SCHEDULED", "ADMITTED_TO_CASE");
		assertThat(s.kinds("politie", c)).containsExactly("MEETING_SCHEDULED", "ADMITTED_TO_CASE");
		assertThat(s.kinds("coordinator", c)).as("the safety house scheduled it").isEmpty();
		assertThat(s.kinds("verslavingszorg", c)).isEmpty();
		assertThat(s.notifications("ggz")).doesNotContain("Huisbezoek");
	}

	@Test
	void anAdmissionNarrowedToANamedProfessionalTellsThatProfessionalOnly() throws Exception {
		CaseScenario s = scenario();
		Case c = s.newCase();
		s.admit(c, "politie-midden", "politie");
		assertThat(s.kinds("politie", c)).containsExactly("ADMITTED_TO_CASE");
		assertThat(JsonPath.<List<Object>>read(s.notifications("politie"), "$.notifications[*]")).isNotEmpty();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where case_id = ?::uuid and recipient_username is null",
				Integer.class, c.id()))
			.isZero();
	}

	@Test
	void aNewContributionTellsTheOtherAdmittedOrganisationsButNotItsOwnNorOutsidersAndNeverWhatItSays()
			throws Exception {
		CaseScenario s = scenario();
		Case c = s.newCase();
		s.admit(c, "ggz-midden");
		s.admit(c, "politie-midden");
		s.contribute(c, "ggz", "Diagnose psychose sinds maart");
		assertThat(s.kinds("politie", c)).containsExactly("CONTRIBUTION_ADDED", "ADMITTED_TO_CASE");
		assertThat(s.kinds("coordinator", c)).containsExactly("CONTRIBUTION_ADDED");
		assertThat(s.kinds("ggz", c)).containsExactly("ADMITTED_TO_CASE");
		assertThat(s.kinds("verslavingszorg", c)).isEmpty();
		assertThat(s.kinds("om", c)).isEmpty();
		for (String user : List.of("politie", "coordinator", "ggz")) {
			String payload = s.notifications(user);
			assertThat(payload).doesNotContain("Diagnose", "psychose", "HEALTH", "Melding Zonder Inhoud");
			assertThat(JsonPath.<List<Object>>read(payload, "$.notifications[0].*")).as("fields of a notification")
				.hasSize(6);
		}
	}

	@Test
	void aDisclosureRequestTellsTheHolderAndItsAnswerTellsTheRequesterWithoutReasonOrContent() throws Exception {
		CaseScenario s = scenario();
		Case c = s.newCase();
		s.admit(c, "ggz-midden");
		s.admit(c, "politie-midden");
		String item = s.contribute(c, "ggz", "Behandelplan met medicatie");
		String request = JsonPath.read(s.request(c, "politie", item, "Nodig voor de risicotaxatie"), "$.id");
		assertThat(s.kinds("ggz", c)).containsExactly("DISCLOSURE_REQUEST_RECEIVED", "ADMITTED_TO_CASE");
		assertThat(s.kinds("politie", c)).doesNotContain("DISCLOSURE_REQUEST_RECEIVED", "DISCLOSURE_REQUEST_ANSWERED");
		assertThat(s.kinds("verslavingszorg", c)).isEmpty();
		s.refuse("ggz", request, "Beroepsgeheim weegt zwaarder");
		assertThat(s.kinds("politie", c)).containsExactly("DISCLOSURE_REQUEST_ANSWERED", "CONTRIBUTION_ADDED",
				"ADMITTED_TO_CASE");
		assertThat(s.kinds("ggz", c)).doesNotContain("DISCLOSURE_REQUEST_ANSWERED");
		for (String user : List.of("politie", "ggz")) {
			assertThat(s.notifications(user)).doesNotContain("risicotaxatie", "Beroepsgeheim", "Behandelplan",
					"medicatie", "REFUSED");
		}
	}

	@Test
	void auditorsAndAdministratorsGetNoCaseNotificationsThoughTheyBelongToTheSafetyHouse() throws Exception {
		CaseScenario s = scenario();
		Case c = s.newCase();
		s.admit(c, "ggz-midden");
		s.contribute(c, "ggz", "Iets nieuws");
		assertThat(s.kinds("coordinator", c)).containsExactly("CONTRIBUTION_ADDED");
		assertThat(s.notifications("auditor")).isEqualTo("{\"notifications\":[],\"unread\":0}");
		assertThat(s.notifications("beheer")).isEqualTo("{\"notifications\":[],\"unread\":0}");
	}

	@Test
	void readingIsPerProfessionalAndNobodyMarksAnotherOnesNotificationRead() throws Exception {
		CaseScenario s = scenario();
		Case c = s.newCase();
		s.admit(c, "ggz-midden");
		String id = JsonPath
			.<List<String>>read(s.notifications("ggz"), "$.notifications[?(@.caseId == '" + c.id() + "')].id")
			.get(0);
		long unreadBefore = JsonPath.<Number>read(s.notifications("ggz"), "$.unread").longValue();
		assertThat(unreadBefore).isPositive();
		// another organisation's professional cannot touch it: the same answer as for no
		// such notification
		var foreign = this.mvc
			.perform(post("/api/v1/my/notifications/" + id + "/read").with(httpBasic("politie", "demo")))
			.andReturn()
			.getResponse();
		assertThat(foreign.getStatus()).isEqualTo(404);
		assertThat(foreign.getContentAsString()).contains("notification-not-found");
		assertThat(this.mvc
			.perform(post("/api/v1/my/notifications/" + UUID.randomUUID() + "/read").with(httpBasic("politie", "demo")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		var marked = this.mvc.perform(post("/api/v1/my/notifications/" + id + "/read").with(httpBasic("ggz", "demo")))
			.andReturn()
			.getResponse();
		assertThat(marked.getStatus()).isEqualTo(200);
		assertThat(JsonPath.<Boolean>read(marked.getContentAsString(), "$.read")).isTrue();
		// marking twice is harmless
		assertThat(this.mvc.perform(post("/api/v1/my/notifications/" + id + "/read").with(httpBasic("ggz", "demo")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		String after = s.notifications("ggz");
		assertThat(JsonPath.<List<Boolean>>read(after, "$.notifications[?(@.id == '" + id + "')].read"))
			.containsExactly(true);
		assertThat(JsonPath.<Number>read(after, "$.unread").longValue()).isEqualTo(unreadBefore - 1);
		var all = this.mvc.perform(post("/api/v1/my/notifications/read-all").with(httpBasic("ggz", "demo")))
			.andReturn()
			.getResponse();
		assertThat(all.getStatus()).isEqualTo(200);
		assertThat(JsonPath.<Number>read(s.notifications("ggz"), "$.unread").longValue()).isZero();
	}

	@Test
	void aContributionThatRollsBackLeavesNoNotification() throws Exception {
		CaseScenario s = scenario();
		Case c = s.newCase();
		s.admit(c, "politie-midden");
		UUID caseId = UUID.fromString(c.id());
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new ContributionAdded(caseId, UUID.randomUUID(), "ggz-midden", Instant.now()));
			status.setRollbackOnly();
		});
		assertThat(s.kinds("politie", c)).containsExactly("ADMITTED_TO_CASE");
		// the same event in a transaction that commits does notify: the rollback is what
		// left none
		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new ContributionAdded(caseId, UUID.randomUUID(), "ggz-midden", Instant.now())));
		assertThat(s.kinds("politie", c)).containsExactly("CONTRIBUTION_ADDED", "ADMITTED_TO_CASE");
	}

	@Test
	void theInboxPageSpeaksDutchPerKindAndTheHeaderCountsTheUnread() throws Exception {
		CaseScenario s = scenario();
		Case c = s.newCase();
		s.admit(c, "verslavingszorg-midden");
		MockHttpSession session = new MockHttpSession();
		String home = this.mvc.perform(get("/").session(session).with(as("verslavingszorg")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("href=\"/notifications\"", "Meldingen", "ongelezen");
		String page = this.mvc.perform(get("/notifications").session(session).with(as("verslavingszorg")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Uw organisatie is toegelaten tot casus " + c.reference() + ".",
				"href=\"/cases/" + c.id() + "\"");
		this.mvc.perform(post("/notifications/read-all").session(session).with(as("verslavingszorg")).with(csrf()));
		String read = this.mvc.perform(get("/").session(session).with(as("verslavingszorg")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(read).contains("href=\"/notifications\"").doesNotContain("ongelezen");
	}

}
