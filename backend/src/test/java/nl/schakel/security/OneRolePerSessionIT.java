package nl.schakel.security;

import java.util.Collection;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.ids.CaseId;
import nl.schakel.casework.CaseOpening;
import nl.schakel.casework.CaseDossiers;
import nl.schakel.security.Channel;
import nl.schakel.policy.Purpose;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An account holding two roles — the safety house's coordinator who is also its privacy
 * officer — acts under one role at a time and gets the decisions of that role only: as
 * the auditor it reads no case, as the coordinator it reviews no log. The API refuses a
 * call that does not say which role (400 naming {@code X-Role}); the browser asks once
 * per session.
 */
@IntegrationTest
class OneRolePerSessionIT {

	static final Actor TWO_ROLES = new Actor("coordinator-fg", "Coördinator en FG", "zvh-midden",
			Set.of(Role.COORDINATOR, Role.AUDITOR));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	CaseDossiers dossiers;

	String caseId;

	@BeforeEach
	void aCaseOfTheSafetyHouse() throws Exception {
		MockHttpServletResponse created = this.mvc
			.perform(post("/api/v1/cases").with(user(this.accounts.loadUserByUsername("coordinator")))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"person": {"name": "Rol Persoon", "dateOfBirth": "1979-03-03", "bsn": "%s"},
						 "caseType": "OTHER"}""".formatted(TestBsns.next())))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(201);
		this.caseId = JsonPath.read(created.getContentAsString(), "$.id");
	}

	@Test
	void anApiCallOfAnAccountWithSeveralRolesThatNamesNoneIsRefusedNamingXRole() throws Exception {
		long cases = this.jdbc.queryForObject("select count(*) from case_file", Long.class);
		for (MockHttpServletRequestBuilder call : new MockHttpServletRequestBuilder[] { get("/api/v1/cases"),
				get("/api/v1/cases/" + this.caseId), get("/api/v1/audit/disclosures"),
				post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
					.content(
							"""
									{"person": {"name": "Niet Geregistreerd", "dateOfBirth": "1980-01-01"}, "caseType": "OTHER"}""") }) {
			MockHttpServletResponse response = this.mvc
				.perform(call.with(user(new TwoRoleAccount(TWO_ROLES))).header("X-Purpose", "TRIAGE"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(400);
			assertThat((String) JsonPath.read(response.getContentAsString(), "$.errors[0].field")).isEqualTo("X-Role");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from case_file", Long.class)).isEqualTo(cases);
	}

	@Test
	void aRoleTheAccountDoesNotHoldIsRefusedToo() throws Exception {
		for (Actor account : new Actor[] { TWO_ROLES,
				new Actor("alleen-zorg", "Alleen Zorg", "ggz-midden", Set.of(Role.CARE_PROFESSIONAL)) }) {
			MockHttpServletResponse response = this.mvc
				.perform(get("/api/v1/cases").with(user(new TwoRoleAccount(account)))
					.header("X-Purpose", "TRIAGE")
					.header("X-Role", "administrator"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(400);
			assertThat(response.getContentAsString()).contains("X-Role");
		}
	}

	@Test
	void asTheCoordinatorTheAccountSteersCasesAndReviewsNoLog() throws Exception {
		assertThat(api(get("/api/v1/cases/" + this.caseId), "coordinator", "TRIAGE").getStatus()).isEqualTo(200);
		assertThat(api(get("/api/v1/cases"), "coordinator", "TRIAGE").getContentAsString()).contains(this.caseId);
		assertThat(api(get("/api/v1/audit/disclosures"), "coordinator", "AUDIT").getStatus()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("""
				select actor_role from disclosure where actor = 'coordinator-fg' and case_id = ?::uuid
				order by occurred_at desc limit 1""", String.class, this.caseId)).isEqualTo("coordinator");
	}

	@Test
	void asTheAuditorTheAccountReviewsTheLogAndReadsNoCase() throws Exception {
		MockHttpServletResponse read = api(get("/api/v1/cases/" + this.caseId), "auditor", "TRIAGE");
		assertThat(read.getStatus()).isIn(403, 404);
		assertThat(read.getContentAsString()).doesNotContain("Rol Persoon");
		assertThat(api(get("/api/v1/cases"), "auditor", "TRIAGE").getStatus()).isEqualTo(403);
		assertThat(api(get("/api/v1/audit/disclosures"), "auditor", "AUDIT").getStatus()).isEqualTo(200);
	}

	@Test
	void theGateDecidesForNoRoleWhenNoneIsChosen() {
		// below the web layer, an actor with two roles and no choice gets the narrowest
		// answer, not the union
		var previous = SecurityContextHolder.getContext().getAuthentication();
		TwoRoleAccount account = new TwoRoleAccount(TWO_ROLES);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, java.util.List.of()));
		try {
			nl.schakel.security.Access access = new nl.schakel.security.Access(CurrentActor.require(), "TRIAGE",
					Channel.API, java.util.UUID.randomUUID().toString(), null);
			CaseOpening opening = this.dossiers.open(access, new CaseId(java.util.UUID.fromString(this.caseId)));
			assertThat(opening).isInstanceOf(CaseOpening.NotVisible.class);
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
		assertThat(this.jdbc.queryForList(
				"select decision from disclosure where actor = 'coordinator-fg' and case_id = ?::uuid", String.class,
				this.caseId))
			.isNotEmpty()
			.containsOnly("DENY");
		assertThat(TWO_ROLES.has(Role.COORDINATOR)).isFalse();
		assertThat(TWO_ROLES.actingAs(Role.COORDINATOR).has(Role.COORDINATOR)).isTrue();
		assertThat(TWO_ROLES.actingAs(Role.COORDINATOR).has(Role.AUDITOR)).isFalse();
	}

	@Test
	void inTheBrowserTheRoleIsChosenOncePerSessionAndCanBeSwitched() throws Exception {
		MockHttpSession session = new MockHttpSession();
		TwoRoleAccount account = new TwoRoleAccount(TWO_ROLES);
		// no role yet: every page leads to the choice
		MockHttpServletResponse cases = page(get("/cases"), account, session);
		assertThat(cases.getStatus()).isEqualTo(302);
		assertThat(cases.getRedirectedUrl()).endsWith("/role");
		assertThat(page(get("/role"), account, session).getContentAsString()).contains("value=\"coordinator\"")
			.contains("value=\"auditor\"");
		// a role the account does not hold is no choice
		assertThat(page(post("/role").param("role", "administrator").with(csrf()), account, session).getStatus())
			.isEqualTo(400);
		assertThat(page(get("/cases"), account, session).getStatus()).isEqualTo(302);

		assertThat(page(post("/role").param("role", "auditor").with(csrf()), account, session).getStatus())
			.isEqualTo(302);
		assertThat(page(get("/audit"), account, session).getStatus()).isEqualTo(200);
		assertThat(page(get("/cases"), account, session).getStatus()).isEqualTo(403);
		assertThat(page(get("/cases/" + this.caseId), account, session).getContentAsString())
			.doesNotContain("Rol Persoon");

		assertThat(page(post("/role").param("role", "coordinator").with(csrf()), account, session).getStatus())
			.isEqualTo(302);
		String list = page(get("/cases"), account, session).getContentAsString();
		assertThat(list).contains("href=\"/role\"");
		assertThat(page(get("/audit"), account, session).getStatus()).isEqualTo(403);
	}

	@Test
	void anAccountWithOneRoleIsNeverAsked() throws Exception {
		MockHttpServletResponse cases = this.mvc
			.perform(get("/cases").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andReturn()
			.getResponse();
		assertThat(cases.getStatus()).isEqualTo(200);
		assertThat(cases.getContentAsString()).doesNotContain("href=\"/role\"");
	}

	private MockHttpServletResponse api(MockHttpServletRequestBuilder call, String role, String purpose)
			throws Exception {
		return this.mvc
			.perform(call.with(user(new TwoRoleAccount(TWO_ROLES))).header("X-Purpose", purpose).header("X-Role", role))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletResponse page(MockHttpServletRequestBuilder call, TwoRoleAccount account,
			MockHttpSession session) throws Exception {
		return this.mvc.perform(call.with(user(account)).session(session)).andReturn().getResponse();
	}

	/**
	 * An account as any identity provider would log it in: every role it holds, as
	 * authorities.
	 */
	record TwoRoleAccount(Actor actor) implements UserDetails, ActorPrincipal {

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return this.actor.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
		}

		@Override
		public String getPassword() {
			return null;
		}

		@Override
		public String getUsername() {
			return this.actor.username();
		}

	}

}
