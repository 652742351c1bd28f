package nl.schakel.casework;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
 * A closed case (closed with a reason, or declined at triage) is a record for
 * accountability: it takes no writes and no admissions, partners no longer take part in
 * it, the coordinator reads it through the gate under the accountability purpose, the
 * auditor sees its metadata, and the coordinator can reopen it with a reason — after
 * which partners must be admitted again.
 */
@IntegrationTest
class ClosedCaseIsClosedIT {

	private static final String CLOSED_TYPE = "https://schakel.nl/problems/case-closed";

	private static final List<String> PURPOSES = List.of("TRIAGE", "CASE_CONSULTATION", "PLAN_EXECUTION", "MONITORING",
			"ACCOUNTABILITY", "AUDIT", "SUBJECT_ACCESS");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void aClosedCaseRefusesEveryWriteAndAdmissionWithAConflictNamingItsStatus() throws Exception {
		Fixture c = caseInConsultation();
		close(c).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.closeReason").value("GOALS_ACHIEVED"));
		long rows = caseRows(c.id);

		expectClosed(as("ggz", "CASE_CONSULTATION", post(c.url + "/contributions"), """
				{"text": "na sluiting", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}"""));
		expectClosed(as("ggz", "CASE_CONSULTATION", post(c.url + "/consents"),
				"""
						{"organisations": ["politie-midden"], "categories": ["SOCIAL"], "purposes": ["CASE_CONSULTATION"],
						 "validFrom": "2020-01-01", "evidence": "formulier", "evidenceKind": "SIGNED_FORM", "evidenceObtainedOn": "2020-01-01", "evidenceObtainedBy": "J. de Vries"}"""));
		expectClosed(as("ggz", "CASE_CONSULTATION", post(c.url + "/consents/" + c.consent + "/withdrawal"), "{}"));
		expectClosed(as("politie", "CASE_CONSULTATION",
				post(c.url + "/contributions/" + c.hiddenContribution + "/requests"), "{\"reason\": \"Nodig\"}"));
		expectClosed(as("ggz", "CASE_CONSULTATION", post("/api/v1/requests/" + c.request + "/grant"),
				"{\"basis\": \"PUBLIC_TASK\"}"));
		expectClosed(as("ggz", "CASE_CONSULTATION", post("/api/v1/requests/" + c.request + "/refusal"),
				"{\"reason\": \"nee\"}"));
		expectClosed(as("coordinator", "ACCOUNTABILITY", post(c.url + "/participants"), """
				{"organisation": "om-midden", "purposes": ["CASE_CONSULTATION"]}"""));
		expectClosed(as("coordinator", "ACCOUNTABILITY", post(c.url + "/participants"), """
				{"organisation": "ggz-midden", "purposes": ["CASE_CONSULTATION"]}"""));
		expectClosed(as("coordinator", "ACCOUNTABILITY", delete(c.url + "/participants/" + c.ggzParticipant), null));
		expectClosed(as("coordinator", "ACCOUNTABILITY", post(c.url + "/break-glass"),
				"{\"reason\": \"Acute dreiging gemeld door de wijkagent\"}"));
		for (String target : List.of("TRIAGE", "IN_CONSULTATION", "PLAN", "MONITORING", "CLOSED")) {
			expectClosed(as("coordinator", "ACCOUNTABILITY", post(c.url + "/status"),
					"{\"status\": \"%s\", \"reason\": \"OTHER\", \"text\": \"nogmaals\"}".formatted(target)));
		}
		expectClosed(as("coordinator", "ACCOUNTABILITY", post(c.url + "/triage"), "{\"outcome\": \"ACCEPTED\"}"));
		assertThat(caseRows(c.id)).as("refused writes changed nothing").isEqualTo(rows);
		// someone who never took part learns nothing, not even that the case is closed
		as("om", "CASE_CONSULTATION", post(c.url + "/contributions"), """
				{"text": "nooit deelgenomen", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""")
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("CLOSED"))));
	}

	@Test
	void closingTakesAReasonFromTheListAndTextForOther() throws Exception {
		Fixture c = caseInConsultation();
		as("coordinator", "TRIAGE", post(c.url + "/status"), "{\"status\": \"CLOSED\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		as("coordinator", "TRIAGE", post(c.url + "/status"), "{\"status\": \"CLOSED\", \"reason\": \"OTHER\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		as("coordinator", "TRIAGE", post(c.url + "/status"), "{\"status\": \"CLOSED\", \"reason\": \"WHATEVER\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		assertThat(statusOf(c.id)).isEqualTo("IN_CONSULTATION");
		assertThat(activeParticipations(c.id)).isEqualTo(3);
		as("ggz", "CASE_CONSULTATION", post(c.url + "/status"),
				"{\"status\": \"CLOSED\", \"reason\": \"GOALS_ACHIEVED\"}")
			.andExpect(status().isNotFound());
		assertThat(statusOf(c.id)).isEqualTo("IN_CONSULTATION");
		as("coordinator", "TRIAGE", post(c.url + "/status"), """
				{"status": "CLOSED", "reason": "OTHER", "text": "Samenwerking met de school volstaat"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.closeReason").value("OTHER"))
			.andExpect(jsonPath("$.closeText").value("Samenwerking met de school volstaat"));
	}

	@Test
	void closingEndsEveryPartnersParticipationAndPartnersReadNothingUnderAnyPurpose() throws Exception {
		Fixture c = caseInConsultation();
		as("politie", "CASE_CONSULTATION", get(c.url), null).andExpect(status().isOk())
			.andExpect(content().string(containsString(c.secret)));
		close(c).andExpect(status().isOk());
		// the history stays: the rows are there, ended
		assertThat(this.jdbc.queryForObject("""
				select count(*) from participation where case_id = ? and organisation_code <> 'zvh-midden'
				   and removed_at is not null""", Long.class, c.id)).isEqualTo(2);
		assertThat(activeParticipations(c.id)).as("only the steering safety house").isEqualTo(1);
		assertThat(this.jdbc.queryForObject("""
				select array_to_string(purposes, ',') from participation
				 where case_id = ? and organisation_code = 'zvh-midden' and removed_at is null""", String.class, c.id))
			.isEqualTo("ACCOUNTABILITY");
		for (String partner : List.of("ggz", "politie")) {
			for (String purpose : PURPOSES) {
				long permits = permits(partner, c.id);
				as(partner, purpose, get(c.url), null).andExpect(status().isNotFound())
					.andExpect(content().string(not(containsString(c.secret))))
					.andExpect(content().string(not(containsString("Closed Persoon"))));
				as(partner, purpose, get(c.url + "/participants"), null).andExpect(status().isNotFound());
				assertThat(permits(partner, c.id)).as(partner + " " + purpose).isEqualTo(permits);
			}
		}
	}

	@Test
	void theCoordinatorReadsAClosedCaseForAccountabilityThroughTheGateAndItIsLogged() throws Exception {
		Fixture c = caseInConsultation();
		close(c).andExpect(status().isOk());
		long before = this.jdbc.queryForObject(
				"""
						select count(*) from disclosure where case_id = ? and actor = 'coordinator' and purpose = 'ACCOUNTABILITY'
						   and decision = 'PERMIT'""",
				Long.class, c.id);
		as("coordinator", "ACCOUNTABILITY", get(c.url), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.purpose").value("ACCOUNTABILITY"))
			.andExpect(content().string(containsString(c.secret)));
		long after = this.jdbc.queryForObject(
				"""
						select count(*) from disclosure where case_id = ? and actor = 'coordinator' and purpose = 'ACCOUNTABILITY'
						   and decision = 'PERMIT'""",
				Long.class, c.id);
		assertThat(after - before).as("the header and the contribution, each a DISCLOSURE row")
			.isGreaterThanOrEqualTo(2);
		// the work of an open case is over: its purposes show nothing, and no emergency
		// access opens it
		for (String purpose : List.of("TRIAGE", "CASE_CONSULTATION", "PLAN_EXECUTION", "MONITORING")) {
			as("coordinator", purpose, get(c.url), null).andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString(c.secret))));
		}
	}

	@Test
	void aCaseDeclinedAtTriageIsClosedTheSameWay() throws Exception {
		String url = register();
		as("coordinator", "TRIAGE", post(url + "/status"), "{\"status\": \"TRIAGE\"}").andExpect(status().isOk());
		admit(url, "ggz-midden");
		as("ggz", "TRIAGE", get(url), null).andExpect(status().isOk());
		as("coordinator", "TRIAGE", post(url + "/triage"), "{\"outcome\": \"DECLINED\", \"reason\": \"Geen casus\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.triageOutcome").value("DECLINED"));
		as("ggz", "TRIAGE", get(url), null).andExpect(status().isNotFound());
		as("ggz", "TRIAGE", post(url + "/contributions"), """
				{"text": "na afwijzing", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(CLOSED_TYPE))
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.triageOutcome").value("DECLINED"));
		as("coordinator", "ACCOUNTABILITY", post(url + "/participants"), """
				{"organisation": "politie-midden", "purposes": ["TRIAGE"]}""").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(CLOSED_TYPE));
		as("coordinator", "ACCOUNTABILITY", get(url), null).andExpect(status().isOk());
		// reopened, a declined referral is weighed again at triage
		as("coordinator", "ACCOUNTABILITY", post(url + "/reopening"), "{\"reason\": \"Nieuwe melding\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("TRIAGE"));
	}

	@Test
	void theAuditorStillSeesTheMetadataOfAClosedCaseAndNoContent() throws Exception {
		Fixture c = caseInConsultation();
		close(c).andExpect(status().isOk());
		as("coordinator", "ACCOUNTABILITY", get(c.url), null).andExpect(status().isOk());
		as("auditor", "AUDIT", get("/api/v1/audit/disclosures").param("case", c.id.toString()), null)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ACCOUNTABILITY")))
			.andExpect(content().string(not(containsString(c.secret))));
		as("auditor", "ACCOUNTABILITY", get(c.url), null).andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(c.secret))));
	}

	@Test
	void reopeningTakesAReasonAndPartnersMustBeAdmittedAgain() throws Exception {
		Fixture c = caseInConsultation();
		close(c).andExpect(status().isOk());
		as("coordinator", "ACCOUNTABILITY", post(c.url + "/reopening"), "{\"reason\": \"  \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		as("ggz", "CASE_CONSULTATION", post(c.url + "/reopening"), "{\"reason\": \"Ik wil verder\"}")
			.andExpect(status().isNotFound());
		assertThat(statusOf(c.id)).isEqualTo("CLOSED");
		as("coordinator", "ACCOUNTABILITY", post(c.url + "/reopening"),
				"{\"reason\": \"Nieuwe signalen van de wijkagent\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_CONSULTATION"))
			.andExpect(jsonPath("$.reopenReason").value("Nieuwe signalen van de wijkagent"))
			.andExpect(jsonPath("$.closedOn").doesNotExist());
		// an open case cannot be reopened
		as("coordinator", "CASE_CONSULTATION", post(c.url + "/reopening"), "{\"reason\": \"nogmaals\"}")
			.andExpect(status().isBadRequest());
		// the coordinator steers it again; partners stay out until admitted again
		as("coordinator", "CASE_CONSULTATION", get(c.url), null).andExpect(status().isOk());
		as("ggz", "CASE_CONSULTATION", get(c.url), null).andExpect(status().isNotFound());
		as("ggz", "CASE_CONSULTATION", post(c.url + "/contributions"), """
				{"text": "nog niet toegelaten", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""")
			.andExpect(status().isNotFound());
		admit(c.url, "ggz-midden");
		as("ggz", "CASE_CONSULTATION", get(c.url), null).andExpect(status().isOk())
			.andExpect(content().string(containsString(c.secret)));
		as("politie", "CASE_CONSULTATION", get(c.url), null).andExpect(status().isNotFound());
	}

	@Test
	void thePagesOfAClosedCaseSayWhyInsteadOfShowingForms() throws Exception {
		Fixture c = caseInConsultation();
		close(c).andExpect(status().isOk());
		String page = "/cases/" + c.id;
		MockHttpSession coordinator = new MockHttpSession();
		this.mvc
			.perform(post(page + "/purpose").session(coordinator)
				.with(signedIn("coordinator"))
				.with(csrf())
				.param("purpose", "ACCOUNTABILITY"))
			.andExpect(redirectedUrl(page));
		this.mvc.perform(get(page).session(coordinator).with(signedIn("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Deze casus is gesloten of afgewezen")))
			.andExpect(content().string(containsString("Doelen bereikt")))
			.andExpect(content().string(containsString(page + "/reopening")))
			.andExpect(content().string(not(containsString(page + "/contributions\""))))
			.andExpect(content().string(not(containsString(page + "/participants\""))))
			.andExpect(content().string(not(containsString(page + "/consents\""))));
		MockHttpSession ggz = new MockHttpSession();
		this.mvc.perform(post(page + "/purpose").session(ggz)
			.with(signedIn("ggz"))
			.with(csrf())
			.param("purpose", "CASE_CONSULTATION"));
		long rows = caseRows(c.id);
		this.mvc
			.perform(post(page + "/contributions").session(ggz)
				.with(signedIn("ggz"))
				.with(csrf())
				.param("text", "via het formulier")
				.param("category", "SOCIAL")
				.param("legalBasis", "PUBLIC_TASK"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("problem", "case.closed.noWrites"));
		assertThat(caseRows(c.id)).isEqualTo(rows);
		this.mvc
			.perform(post(page + "/reopening").session(coordinator)
				.with(signedIn("coordinator"))
				.with(csrf())
				.param("reason", ""))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("problem", "case.reopen.invalid"));
		this.mvc
			.perform(post(page + "/reopening").session(coordinator)
				.with(signedIn("coordinator"))
				.with(csrf())
				.param("reason", "Nieuwe signalen"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("notice", "case.reopened"));
		assertThat(statusOf(c.id)).isEqualTo("IN_CONSULTATION");
	}

	private RequestPostProcessor signedIn(String username) {
		return user(this.accounts.loadUserByUsername(username));
	}

	// -- fixture

	record Fixture(UUID id, String url, String secret, String hiddenContribution, String consent, String request,
			String ggzParticipant) {
	}

	private Fixture caseInConsultation() throws Exception {
		String url = register();
		UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		as("coordinator", "TRIAGE", post(url + "/status"), "{\"status\": \"TRIAGE\"}").andExpect(status().isOk());
		as("coordinator", "TRIAGE", post(url + "/triage"), "{\"outcome\": \"ACCEPTED\"}").andExpect(status().isOk());
		String ggzParticipant = JsonPath.read(admit(url, "ggz-midden"), "$.id");
		admit(url, "politie-midden");
		String secret = "GESLOTEN-" + UUID.randomUUID();
		as("ggz", "CASE_CONSULTATION", post(url + "/contributions"), """
				{"text": "%s", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK",
				 "audienceOrganisations": ["politie-midden", "zvh-midden"]}""".formatted(secret))
			.andExpect(status().isCreated());
		String hidden = JsonPath.read(as("ggz", "CASE_CONSULTATION", post(url + "/contributions"), """
				{"text": "alleen voor de GGZ", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String consent = JsonPath.read(as("ggz", "CASE_CONSULTATION", post(url + "/consents"),
				"""
						{"organisations": ["politie-midden"], "categories": ["SOCIAL"], "purposes": ["CASE_CONSULTATION"],
						 "validFrom": "2020-01-01", "evidence": "formulier", "evidenceKind": "SIGNED_FORM", "evidenceObtainedOn": "2020-01-01", "evidenceObtainedBy": "J. de Vries"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String request = JsonPath
			.read(as("politie", "CASE_CONSULTATION", post(url + "/contributions/" + hidden + "/requests"),
					"{\"reason\": \"Nodig voor het overleg\"}")
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
		return new Fixture(id, url, secret, hidden, consent, request, ggzParticipant);
	}

	private ResultActions close(Fixture c) throws Exception {
		return as("coordinator", "CASE_CONSULTATION", post(c.url + "/status"),
				"{\"status\": \"CLOSED\", \"reason\": \"GOALS_ACHIEVED\", \"text\": \"Plan uitgevoerd\"}");
	}

	private String register() throws Exception {
		return as("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "Closed Persoon", "dateOfBirth": "1991-02-03"}, "caseType": "RADICALISATION",
				 "referral": {"referringOrganisation": "politie-midden", "referringProfessional": "wijkagent",
				              "reason": "Zorgen", "goal": "Beeld", "personInformed": true}}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	private String admit(String url, String organisation) throws Exception {
		return as("coordinator", "TRIAGE", post(url + "/participants"), """
				{"organisation": "%s", "purposes": ["TRIAGE", "CASE_CONSULTATION"]}""".formatted(organisation))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void expectClosed(ResultActions result) throws Exception {
		result.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(CLOSED_TYPE))
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.detail").value(containsString("CLOSED")));
	}

	private ResultActions as(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		return this.mvc.perform(DemoApi.as(user, purpose, request, body));
	}

	private String statusOf(UUID id) {
		return this.jdbc.queryForObject("select status from case_file where id = ?", String.class, id);
	}

	private long activeParticipations(UUID id) {
		return this.jdbc.queryForObject("select count(*) from participation where case_id = ? and removed_at is null",
				Long.class, id);
	}

	private long permits(String actor, UUID id) {
		return this.jdbc.queryForObject(
				"select count(*) from disclosure where case_id = ? and actor = ? and decision = 'PERMIT'", Long.class,
				id, actor);
	}

	/** Everything a write could add to or change on the case. */
	private long caseRows(UUID id) {
		return this.jdbc.queryForObject("""
				select (select count(*) from contribution where case_id = ?)
				     + (select count(*) from consent)
				     + (select count(*) from consent where withdrawn_on is not null)
				     + (select count(*) from disclosure_request where case_id = ?)
				     + (select count(*) from disclosure_request where case_id = ? and decided_at is not null)
				     + (select count(*) from participation where case_id = ?)
				     + (select count(*) from participation where case_id = ? and removed_at is null)
				     + (select count(*) from break_glass where case_id = ?)
				     + (select version from case_file where id = ?)""", Long.class, id, id, id, id, id, id, id);
	}

}
