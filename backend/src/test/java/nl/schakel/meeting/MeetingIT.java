package nl.schakel.meeting;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The case meeting: the coordinator schedules it with cases of the own safety house,
 * records attendance of the invited organisations and writes minutes per case, which only
 * the case's participants read, and only as the policy lets them.
 */
@IntegrationTest
class MeetingIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService accounts;

	@Autowired
	org.springframework.context.ConfigurableApplicationContext context;

	@Test
	void theCoordinatorSchedulesAMeetingWhoseAgendaShowsInvitedOrganisationsAttendanceAndOpenAndOverdueActions()
			throws Exception {
		List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		ApplicationListener<PayloadApplicationEvent<MeetingScheduled>> listener = (e) -> events.add(e.getPayload());
		this.context.addApplicationListener(listener);
		String a = newCase();
		String b = newCase();
		admit(a, "ggz-midden");
		admit(b, "politie-midden");
		call("coordinator", post("/api/v1/cases/" + a + "/actions"),
				"{\"description\": \"Te laat\", \"organisation\": \"ggz-midden\", \"due\": \"2020-01-01\"}");
		MockHttpServletResponse created = call("coordinator", post("/api/v1/meetings"),
				"{\"startsAt\": \"2026-12-10T10:00:00+01:00\", \"caseIds\": [\"" + a + "\", \"" + b
						+ "\"], \"place\": \"Zaal 2\", \"chair\": \"S. de Vries\"}");
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String id = JsonPath.read(created.getContentAsString(), "$.id");
		assertThat(created.getHeader("Location")).endsWith("/api/v1/meetings/" + id);
		assertThat(events).anySatisfy((e) -> assertThat(e).isInstanceOfSatisfying(MeetingScheduled.class,
				(s) -> assertThat(s.caseIds()).extracting(Object::toString).containsExactly(a, b)));
		assertThat(call("coordinator", post("/api/v1/meetings/" + id + "/attendance"),
				"{\"organisation\": \"ggz-midden\", \"present\": true}")
			.getStatus()).isEqualTo(200);
		String meeting = call("coordinator", get("/api/v1/meetings/" + id), null).getContentAsString();
		assertThat(JsonPath.<List<String>>read(meeting, "$.agenda[*].id")).containsExactly(a, b);
		assertThat(JsonPath.<List<String>>read(meeting, "$.agenda[0].invited")).contains("ggz-midden", "zvh-midden");
		assertThat(JsonPath.<Boolean>read(meeting, "$.agenda[0].attendance['ggz-midden']")).isTrue();
		assertThat(JsonPath.<List<Object>>read(meeting, "$.agenda[0].openActions")).hasSize(1);
		assertThat(JsonPath.<List<Object>>read(meeting, "$.agenda[0].overdueActions")).hasSize(1);
		assertThat(JsonPath.<List<Object>>read(meeting, "$.agenda[1].overdueActions")).isEmpty();
		// an organisation not invited is refused naming the field
		MockHttpServletResponse notInvited = call("coordinator", post("/api/v1/meetings/" + id + "/attendance"),
				"{\"organisation\": \"om-midden\", \"present\": true}");
		assertThat(notInvited.getStatus()).isEqualTo(400);
		assertThat(notInvited.getContentAsString()).contains("\"field\":\"organisation\"");
		// a partner sees only the cases it is admitted to; another house's coordinator
		// nothing
		String politie = call("politie", get("/api/v1/meetings/" + id), null).getContentAsString();
		assertThat(JsonPath.<List<String>>read(politie, "$.agenda[*].id")).containsExactly(b);
		assertThat(call("coordinator-zuid", get("/api/v1/meetings/" + id), null).getStatus()).isEqualTo(404);
		assertThat(call("om", get("/api/v1/meetings/" + id), null).getStatus()).isEqualTo(404);
	}

	@Test
	void theCoordinatorChangesAMeetingAndTheChangeIsAnnouncedWhileNoOneElseMayChangeIt() throws Exception {
		List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		ApplicationListener<PayloadApplicationEvent<MeetingScheduled>> listener = (e) -> events.add(e.getPayload());
		this.context.addApplicationListener(listener);
		String a = newCase();
		String b = newCase();
		String id = schedule(a, b);
		String body = "{\"startsAt\": \"2026-12-11T14:00:00+01:00\", \"place\": \"Zaal 3\", \"caseIds\": [\"" + b
				+ "\", \"" + a + "\"]}";
		assertThat(call("ggz", put("/api/v1/meetings/" + id), body).getStatus()).isEqualTo(404);
		assertThat(call("coordinator-zuid", put("/api/v1/meetings/" + id), body).getStatus()).isEqualTo(404);
		MockHttpServletResponse changed = call("coordinator", put("/api/v1/meetings/" + id), body);
		assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(changed.getContentAsString(), "$.agenda[*].id")).containsExactly(b, a);
		assertThat(JsonPath.<String>read(changed.getContentAsString(), "$.place")).isEqualTo("Zaal 3");
		assertThat(events).anySatisfy((e) -> assertThat(e).isInstanceOfSatisfying(MeetingScheduled.class,
				(s) -> assertThat(s.changed()).isTrue()));
		// nothing of a meeting is answered to HEAD: it would disclose without an answer
		assertThat(this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head("/api/v1/meetings/" + id)
				.with(httpBasic("coordinator", "demo")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(405);
	}

	@Test
	void aMeetingNeedsAStartAndCasesOfTheOwnSafetyHouseAndNothingIsWrittenOtherwise() throws Exception {
		String zuid = JsonPath.read(call("coordinator-zuid", post("/api/v1/cases"),
				"{\"person\": {\"name\": \"Zuid Persoon\", \"dateOfBirth\": \"1980-03-04\"}, \"caseType\": \"OTHER\"}")
			.getContentAsString(), "$.id");
		long before = this.jdbc.queryForObject("select count(*) from meeting", Long.class);
		MockHttpServletResponse noStart = call("coordinator", post("/api/v1/meetings"),
				"{\"caseIds\": [\"" + newCase() + "\"]}");
		assertThat(noStart.getStatus()).isEqualTo(400);
		assertThat(noStart.getContentAsString()).contains("\"field\":\"startsAt\"");
		MockHttpServletResponse outOfReach = call("coordinator", post("/api/v1/meetings"),
				"{\"startsAt\": \"0001-01-01T10:00:00+01:00\", \"caseIds\": [\"" + newCase() + "\"]}");
		assertThat(outOfReach.getStatus()).isEqualTo(400);
		assertThat(outOfReach.getContentAsString()).contains("\"field\":\"startsAt\"");
		MockHttpServletResponse otherHouse = call("coordinator", post("/api/v1/meetings"),
				"{\"startsAt\": \"2026-12-10T10:00:00+01:00\", \"caseIds\": [\"" + zuid + "\"]}");
		assertThat(otherHouse.getStatus()).isEqualTo(400);
		assertThat(otherHouse.getContentAsString()).contains("\"field\":\"caseIds\"");
		assertThat(call("ggz", post("/api/v1/meetings"),
				"{\"startsAt\": \"2026-12-10T10:00:00+01:00\", \"caseIds\": [\"" + newCase() + "\"]}")
			.getStatus()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select count(*) from meeting", Long.class)).isEqualTo(before);
	}

	@Test
	void minutesAreSealedAndThePoliceCannotReadGgzHealthMinutesWhileGgzCan() throws Exception {
		String c = newCase();
		admit(c, "ggz-midden");
		admit(c, "politie-midden");
		String id = schedule(c);
		MockHttpServletResponse written = call("coordinator",
				post("/api/v1/meetings/" + id + "/cases/" + c + "/minutes"),
				"{\"text\": \"GGZ meldt een psychose in 2024\", \"category\": \"HEALTH\"}");
		assertThat(written.getStatus()).as(written.getContentAsString()).isEqualTo(201);
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from minutes where case_id = ?::uuid"
								+ " and position(convert_to('psychose', 'UTF8') in content_ciphertext) > 0",
						Integer.class, c))
			.isZero();
		String ggz = call("ggz", get("/api/v1/cases/" + c + "/minutes"), null).getContentAsString();
		assertThat(ggz).contains("GGZ meldt een psychose in 2024");
		String politie = call("politie", get("/api/v1/cases/" + c + "/minutes"), null).getContentAsString();
		assertThat(politie).doesNotContain("psychose").contains("EXISTENCE_ONLY");
		String politieMeeting = call("politie", get("/api/v1/meetings/" + id), null).getContentAsString();
		assertThat(politieMeeting).doesNotContain("psychose");
		// every read went into the log, the refused one too
		assertThat(this.jdbc.queryForList("select decision from disclosure where case_id = ?::uuid"
				+ " and item_kind = 'MINUTES' and actor = 'politie'", String.class, c))
			.contains("EXISTENCE_ONLY");
		assertThat(call("om", get("/api/v1/cases/" + c + "/minutes"), null).getStatus()).isEqualTo(404);
	}

	@Test
	void minutesNeedACaseOnTheAgendaACategoryAndTheCoordinatorOfTheHouse() throws Exception {
		String c = newCase();
		String other = newCase();
		admit(c, "ggz-midden");
		String id = schedule(c);
		assertThat(call("coordinator", post("/api/v1/meetings/" + id + "/cases/" + other + "/minutes"),
				"{\"text\": \"Niet geagendeerd\", \"category\": \"GENERAL\"}")
			.getStatus()).isEqualTo(404);
		MockHttpServletResponse noCategory = call("coordinator",
				post("/api/v1/meetings/" + id + "/cases/" + c + "/minutes"), "{\"text\": \"Zonder categorie\"}");
		assertThat(noCategory.getStatus()).isEqualTo(400);
		assertThat(noCategory.getContentAsString()).contains("\"field\":\"category\"");
		assertThat(call("ggz", post("/api/v1/meetings/" + id + "/cases/" + c + "/minutes"),
				"{\"text\": \"Door een partner\", \"category\": \"GENERAL\"}")
			.getStatus()).isEqualTo(404);
		assertThat(call("coordinator-zuid", post("/api/v1/meetings/" + id + "/cases/" + c + "/minutes"),
				"{\"text\": \"Ander huis\", \"category\": \"GENERAL\"}")
			.getStatus()).isEqualTo(404);
		assertThat(
				this.jdbc.queryForObject("select count(*) from minutes where meeting_id = ?::uuid", Integer.class, id))
			.isZero();
	}

	@Test
	void theCoordinatorSchedulesAMeetingOnThePageAndItsAgendaShowsTheMinutesAndTheActionForms() throws Exception {
		String c = newCase();
		admit(c, "ggz-midden");
		String id = schedule(c);
		call("coordinator", post("/api/v1/meetings/" + id + "/cases/" + c + "/minutes"),
				"{\"text\": \"Afgesproken: huisbezoek\", \"category\": \"GENERAL\"}");
		String page = this.mvc.perform(get("/meetings/" + id).with(signedIn("coordinator")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Casusoverleg", "Afgesproken: huisbezoek", "Actie toevoegen", "ggz-midden");
		String list = this.mvc.perform(get("/meetings").with(signedIn("coordinator")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("/meetings/" + id, "Overleg plannen");
		var scheduled = this.mvc
			.perform(post("/meetings").with(signedIn("coordinator"))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("startsAt", "2026-12-11T09:30")
				.param("caseIds", c))
			.andReturn()
			.getResponse();
		assertThat(scheduled.getRedirectedUrl()).startsWith("/meetings/");
		var action = this.mvc
			.perform(post("/meetings/" + id + "/cases/" + c + "/actions").with(signedIn("coordinator"))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("description", "Huisbezoek")
				.param("organisation", "ggz-midden")
				.param("due", "2026-12-20"))
			.andReturn()
			.getResponse();
		assertThat(action.getRedirectedUrl()).isEqualTo("/meetings/" + id);
		assertThat(this.jdbc.queryForObject("select count(*) from case_action where meeting_id = ?::uuid",
				Integer.class, id))
			.isEqualTo(1);
	}

	// --- helpers

	private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String user) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(this.accounts.loadUserByUsername(user));
	}

	private String schedule(String... cases) throws Exception {
		MockHttpServletResponse created = call("coordinator", post("/api/v1/meetings"),
				"{\"startsAt\": \"2026-12-10T10:00:00+01:00\", \"caseIds\": [\"" + String.join("\", \"", cases)
						+ "\"]}");
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return JsonPath.read(created.getContentAsString(), "$.id");
	}

	private String newCase() throws Exception {
		MockHttpServletResponse response = call("coordinator", post("/api/v1/cases"),
				"{\"person\": {\"name\": \"Overleg Persoon\", \"dateOfBirth\": \"1980-03-04\"}, \"caseType\": \"CONFUSED_BEHAVIOUR\"}");
		assertThat(response.getStatus()).isEqualTo(201);
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	private void admit(String c, String organisation) throws Exception {
		MockHttpServletResponse response = call("coordinator", post("/api/v1/cases/" + c + "/participants"),
				"{\"organisation\": \"" + organisation
						+ "\", \"purposes\": [\"CASE_CONSULTATION\", \"PLAN_EXECUTION\"]}");
		assertThat(response.getStatus()).isEqualTo(201);
	}

	private MockHttpServletResponse call(String user, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		request.with(httpBasic(user, "demo")).header("X-Purpose", "CASE_CONSULTATION");
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

}
