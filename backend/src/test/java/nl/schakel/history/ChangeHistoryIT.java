package nl.schakel.history;

import java.util.List;
import java.util.Map;

import nl.schakel.policy.Policy;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ChangeHistoryIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Policy policy;

	@Autowired
	UserDetailsService accounts;

	@Test
	void everyCaseChangeIsARevisionNamingActorOrganisationAndRequest() throws Exception {
		var created = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.header("X-Request-Id", "history-test-0001")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"person": {"name": "Henk Historie", "dateOfBirth": "1960-06-06", "bsn": "%s"},
						 "caseType": "HIGH_IMPACT_CRIME"}""".formatted(TestBsns.next())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse();
		String location = created.getHeader("Location");
		// the request id is the server's; the caller's X-Request-Id is kept as a
		// correlation id
		String requestId = created.getHeader("X-Request-Id");
		String id = location.substring(location.lastIndexOf('/') + 1);
		this.mvc
			.perform(post(location + "/status").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"TRIAGE\"}"))
			.andExpect(status().isOk());

		List<Map<String, Object>> revisions = this.jdbc.queryForList("""
				select a.status, a.revtype, r.actor, r.organisation, r.request_id, r.correlation_id
				from case_file_aud a join revision r on r.id = a.rev
				where a.id = ?::uuid order by a.rev""", id);
		assertThat(revisions).hasSize(2);
		assertThat(revisions.get(0)).containsEntry("status", "REFERRED")
			.containsEntry("actor", "coordinator")
			.containsEntry("organisation", "zvh-midden")
			.containsEntry("request_id", requestId)
			.containsEntry("correlation_id", "history-test-0001");
		assertThat(revisions.get(1)).containsEntry("status", "TRIAGE").containsEntry("actor", "coordinator");
	}

	@Test
	void anApiWriteIsRecordedUnderItsPurposeAndThePolicyInForce() throws Exception {
		String location = register("Ada Api");
		this.mvc
			.perform(post(location + "/status").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"TRIAGE\"}"))
			.andExpect(status().isOk());

		assertThat(revisionOfStatus(location, "TRIAGE")).containsEntry("purpose", "TRIAGE")
			.containsEntry("policy_version", this.policy.version().value());
	}

	@Test
	void aFormPostedFromTheCasePageIsRecordedUnderThePurposeThePageWorksUnder() throws Exception {
		String location = register("Ursula Formulier");
		String page = "/cases/" + location.substring(location.lastIndexOf('/') + 1);
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(post(page + "/purpose").session(session)
				.with(csrf())
				.with(user(this.accounts.loadUserByUsername("coordinator")))
				.param("purpose", "CASE_CONSULTATION"))
			.andExpect(redirectedUrl(page));
		this.mvc
			.perform(post(page + "/status").session(session)
				.with(csrf())
				.with(user(this.accounts.loadUserByUsername("coordinator")))
				.param("status", "TRIAGE"))
			.andExpect(redirectedUrl(page));

		assertThat(revisionOfStatus(location, "TRIAGE")).containsEntry("actor", "coordinator")
			.containsEntry("purpose", "CASE_CONSULTATION")
			.containsEntry("policy_version", this.policy.version().value());
	}

	private String register(String name) throws Exception {
		return this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"person": {"name": "%s", "dateOfBirth": "1970-07-07", "bsn": "%s"},
						 "caseType": "OTHER"}""".formatted(name, TestBsns.next())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	private Map<String, Object> revisionOfStatus(String location, String status) {
		return this.jdbc.queryForMap("""
				select r.actor, r.purpose, r.policy_version from case_file_aud a join revision r on r.id = a.rev
				where a.id = ?::uuid and a.status = ? order by a.rev desc limit 1""",
				location.substring(location.lastIndexOf('/') + 1), status);
	}

	@Test
	void bsnIsInNoTableInPlaintextAuditTablesIncluded() throws Exception {
		String bsn = TestBsns.next();
		this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"person": {"name": "Saar Geheim", "dateOfBirth": "1999-09-09", "bsn": "%s"},
						 "caseType": "OTHER"}""".formatted(bsn)))
			.andExpect(status().isCreated());
		String dump = String.join("\n", this.jdbc.queryForList("""
				select coalesce(string_agg(t::text, ' '), '') from (
				  select p::text as t from person p
				  union all select pa::text from person_aud pa
				  union all select c::text from case_file c
				  union all select ca::text from case_file_aud ca
				  union all select r::text from revision r) rows""", String.class));
		assertThat(dump).contains("Saar Geheim").doesNotContain(bsn);
	}

}
