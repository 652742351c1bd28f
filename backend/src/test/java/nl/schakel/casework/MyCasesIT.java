package nl.schakel.casework;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A user's own work: the start page and {@code GET /api/v1/my/cases} list exactly the
 * cases the user takes part in, with the purposes admitted, and open a case without a
 * purpose question when one purpose fits.
 */
@IntegrationTest
class MyCasesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void aProfessionalListsTheCaseTheirOrganisationIsAdmittedToWithItsPurposesAndNoOther() throws Exception {
		Case a = newCase("coordinator", "ggz-midden", "CASE_CONSULTATION");
		Case b = newCase("coordinator", "verslavingszorg-midden", "CASE_CONSULTATION");
		String ggz = myCases("ggz");
		assertThat(ggz).contains(a.id, a.reference).doesNotContain(b.id, b.reference);
		assertThat(JsonPath.<java.util.List<String>>read(ggz, "$.cases[?(@.id == '" + a.id + "')].purposes[*]"))
			.containsExactly("CASE_CONSULTATION");
		assertThat(JsonPath.<java.util.List<String>>read(ggz, "$.cases[?(@.id == '" + a.id + "')].status"))
			.containsExactly("REFERRED");
		String politie = myCases("politie");
		assertThat(politie).doesNotContain(a.id, b.id, a.reference, b.reference);
		assertThat(myCases("auditor")).isEqualTo("{\"cases\":[]}");
	}

	@Test
	void theStartPageListsTheCaseAndItsLinkOpensItWithoutAPurposeQuestionWhenOnePurposeFits() throws Exception {
		Case a = newCase("coordinator", "ggz-midden", "CASE_CONSULTATION");
		Case b = newCase("coordinator", "verslavingszorg-midden", "CASE_CONSULTATION");
		String home = page("ggz", new MockHttpSession(), "/");
		assertThat(home).contains(a.reference, "href=\"/cases/" + a.id + "\"").doesNotContain(b.reference, b.id);
		assertThat(page("politie", new MockHttpSession(), "/")).doesNotContain(a.reference, b.reference);
		String opened = page("ggz", new MockHttpSession(), "/cases/" + a.id);
		assertThat(opened).doesNotContain("Met welk doel opent u deze casus?").contains(a.reference);
	}

	@Test
	void aUserAdmittedToNoCaseIsToldWhatToDoNext() throws Exception {
		// the probation service is admitted to no case in these tests
		assertThat(page("reclassering", new MockHttpSession(), "/")).contains("Vraag de procescoördinator");
	}

	@Test
	void anAuditorStartsFromTheReviewQueueCountAndTheWayToTheAuditorWorkspace() throws Exception {
		Case a = newCase("coordinator", "ggz-midden", "CASE_CONSULTATION");
		String home = page("auditor", new MockHttpSession(), "/");
		assertThat(home).contains("beoordelingswachtrij", "href=\"/audit\"").doesNotContain(a.reference, a.id);
	}

	@Test
	void aCoordinatorSeesTheOwnSafetyHousesCasesOnly() throws Exception {
		Case midden = newCase("coordinator", "ggz-midden", "CASE_CONSULTATION");
		Case zuid = newCase("coordinator-zuid", null, null);
		assertThat(myCases("coordinator")).contains(midden.id).doesNotContain(zuid.id);
		assertThat(myCases("coordinator-zuid")).contains(zuid.id).doesNotContain(midden.id);
		assertThat(page("coordinator-zuid", new MockHttpSession(), "/")).contains(zuid.reference)
			.doesNotContain(midden.reference);
	}

	@Test
	void thePurposeChoiceOffersOnlyAdmittedPurposesAndRevealsNothingOfACaseNotAdmittedTo() throws Exception {
		Case c = newCase("coordinator", null, null);
		// one admission for two purposes: admitting again would change it, not add a
		// second
		admit(c, "ggz-midden", "CASE_CONSULTATION", "PLAN_EXECUTION");
		MockHttpSession session = new MockHttpSession();
		String choice = page("ggz", session, "/cases/" + c.id);
		assertThat(choice)
			.contains("Met welk doel opent u deze casus?", "value=\"CASE_CONSULTATION\"", "value=\"PLAN_EXECUTION\"")
			.doesNotContain("value=\"TRIAGE\"", "value=\"MONITORING\"");
		assertThat(choice).as("the choice names the case it is for").contains("Casus " + c.reference);
		// a purpose not admitted is refused: the choice is asked again
		this.mvc.perform(post("/cases/" + c.id + "/purpose").session(session)
			.with(csrf())
			.with(as("ggz"))
			.param("purpose", "TRIAGE"));
		assertThat(page("ggz", session, "/cases/" + c.id)).contains("Met welk doel opent u deze casus?");
		// a case not admitted to: the same page as for an id that does not exist
		Case other = newCase("coordinator", "verslavingszorg-midden", "CASE_CONSULTATION");
		String unknownId = UUID.randomUUID().toString();
		String notAdmitted = withoutToken(page("ggz", new MockHttpSession(), "/cases/" + other.id)).replace(other.id,
				"ID");
		String missing = withoutToken(page("ggz", new MockHttpSession(), "/cases/" + unknownId)).replace(unknownId,
				"ID");
		assertThat(notAdmitted).isEqualTo(missing).contains("value=\"TRIAGE\"").doesNotContain(other.reference);
	}

	@Test
	void newSinceLastVisitCountsAnotherOrganisationsContributionsAndResetsOnAVisit() throws Exception {
		Case d = newCase("coordinator", "ggz-midden", "CASE_CONSULTATION");
		admit(d, "politie-midden", "CASE_CONSULTATION");
		MockHttpSession session = new MockHttpSession();
		page("ggz", session, "/cases/" + d.id);
		assertThat(newSinceVisit(d)).isZero();
		contribute(d, "politie", "Melding van overlast in de wijk");
		contribute(d, "politie", "Tweede melding");
		assertThat(newSinceVisit(d)).isEqualTo(2);
		// one's own organisation's contributions are not news
		contribute(d, "ggz", "Eigen bijdrage");
		assertThat(newSinceVisit(d)).isEqualTo(2);
		page("ggz", session, "/cases/" + d.id);
		assertThat(newSinceVisit(d)).isZero();
	}

	@Test
	void theStartPageShowsARequestAwaitingTheAuthorsDecisionWithWhenItWasMadeAndTheDeadline() throws Exception {
		Case r = newCase("coordinator", "ggz-midden", "CASE_CONSULTATION");
		admit(r, "politie-midden", "CASE_CONSULTATION");
		String contribution = contribute(r, "ggz", "Alleen voor de zorg");
		int status = this.mvc
			.perform(post("/api/v1/cases/" + r.id + "/contributions/" + contribution + "/requests")
				.with(httpBasic("politie", "demo"))
				.header("X-Purpose", "CASE_CONSULTATION")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Nodig voor de risico-inschatting\"}"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(201);
		String home = page("ggz", new MockHttpSession(), "/");
		// the asking organisation by its name, the case, and the deadline to answer by
		assertThat(home)
			.contains("Verzoeken aan u", "Politie eenheid Midden", "href=\"/requests\"", r.reference,
					"Beantwoorden uiterlijk",
					java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")
						.format(nl.schakel.contribution.RequestDeadlines.addWorkingDays(java.time.LocalDate.now(), 5)))
			.doesNotContain("Alleen voor de zorg", "Nodig voor de risico-inschatting");
	}

	@Test
	void theCoordinatorsCaseListFiltersOnReferenceStatusCaseTypeAndPeriod() throws Exception {
		Case e = newCase("coordinator", null, null);
		String list = this.mvc
			.perform(get("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.param("reference", e.reference)
				.param("size", "100"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<java.util.List<String>>read(list, "$.items[*].id")).containsExactly(e.id);
		String wrongStatus = this.mvc
			.perform(get("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.param("reference", e.reference)
				.param("status", "CLOSED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrongStatus).doesNotContain(e.id);
		String wrongType = this.mvc
			.perform(get("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.param("reference", e.reference)
				.param("caseType", "RADICALISATION"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrongType).doesNotContain(e.id);
		String period = page("coordinator", new MockHttpSession(),
				"/cases?status=REFERRED&caseType=CONFUSED_BEHAVIOUR&openedFrom=2000-01-01&reference=" + e.reference);
		assertThat(period).contains(e.reference);
		String before = page("coordinator", new MockHttpSession(), "/cases?openedUntil=2000-01-01");
		assertThat(before).doesNotContain(e.reference);
		String invalid = page("coordinator", new MockHttpSession(), "/cases?status=NONSENSE&reference=" + e.reference);
		assertThat(invalid).contains("Een filter is niet geldig", e.reference);
		int bad = this.mvc
			.perform(get("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.param("status", "NONSENSE"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(bad).isEqualTo(400);
	}

	@Test
	void theOpenApiDocumentDescribesTheOwnCaseListWithoutAPurposeHeader() throws Exception {
		String api = this.mvc.perform(get("/v3/api-docs").with(httpBasic("ggz", "demo")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(api, "$.paths['/api/v1/my/cases'].get.description"))
			.contains("no X-Purpose is needed");
		java.util.Map<String, Object> operation = JsonPath.read(api, "$.paths['/api/v1/my/cases'].get");
		assertThat(String.valueOf(operation.get("parameters"))).doesNotContain("X-Purpose");
	}

	// --- helpers

	record Case(String id, String reference) {
	}

	private Case newCase(String coordinator, String organisation, String purpose) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic(coordinator, "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"person\": {\"name\": \"Eigen Werk\", \"dateOfBirth\": \"1985-01-01\"},"
						+ " \"caseType\": \"CONFUSED_BEHAVIOUR\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Case created = new Case(JsonPath.read(body, "$.id"), JsonPath.read(body, "$.reference"));
		if (organisation != null) {
			admit(created, organisation, purpose);
		}
		return created;
	}

	private void admit(Case c, String organisation, String... purposes) throws Exception {
		int status = this.mvc
			.perform(post("/api/v1/cases/" + c.id + "/participants").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"organisation\": \"" + organisation + "\", \"purposes\": [\""
						+ String.join("\", \"", purposes) + "\"]}"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(201);
	}

	private String contribute(Case c, String user, String text) throws Exception {
		var response = this.mvc
			.perform(post("/api/v1/cases/" + c.id + "/contributions").with(httpBasic(user, "demo"))
				.header("X-Purpose", "CASE_CONSULTATION")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"" + text + "\", \"category\": \"GENERAL\", \"legalBasis\": \"PUBLIC_TASK\"}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(201);
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	private String myCases(String user) throws Exception {
		var response = this.mvc.perform(get("/api/v1/my/cases").with(httpBasic(user, "demo")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private String page(String user, MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(get(path).session(session).with(as(user)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long newSinceVisit(Case c) throws Exception {
		String home = page("ggz", new MockHttpSession(), "/");
		int at = home.indexOf(c.reference);
		assertThat(at).as("the case is on the start page").isNotNegative();
		Matcher count = Pattern.compile("class=\"new-since-visit\">(\\d+)<").matcher(home.substring(at));
		assertThat(count.find()).isTrue();
		return Long.parseLong(count.group(1));
	}

	/** Each session has its own CSRF token; the pages are compared without it. */
	private static String withoutToken(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[^\"]{30,}\"", "");
	}

	private RequestPostProcessor as(String user) {
		return user(this.accounts.loadUserByUsername(user));
	}

}
