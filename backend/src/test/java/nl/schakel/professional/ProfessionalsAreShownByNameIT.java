package nl.schakel.professional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.security.Actor;
import nl.schakel.security.ActorPrincipal;
import nl.schakel.security.Role;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A professional is shown as a person of an organisation — "Joost Visser (Politie eenheid
 * Midden)" — with the name the identity provider gave at login; the login name only when
 * nobody said who it is.
 */
@IntegrationTest
class ProfessionalsAreShownByNameIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ProfessionalDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theNameTheIdentityProviderStatesAtLoginIsKeptAndFollowsARename() {
		String username = "k-" + UUID.randomUUID();
		signIn(username, Map.of("given_name", "Aylin", "family_name", "Demir", "email", "a.demir@ggz.example"));

		assertThat(this.directory.name(username)).isEqualTo("Aylin Demir (GGZ Midden)");
		assertThat(this.directory.find(username).email()).isEqualTo("a.demir@ggz.example");

		signIn(username, Map.of("name", "Aylin Demir-Kaya", "email", "a.demir@ggz.example"));
		assertThat(this.directory.personName(username)).isEqualTo("Aylin Demir-Kaya");
		assertThat(this.jdbc.queryForObject("select display_name from professional where username = ?", String.class,
				username))
			.isEqualTo("Aylin Demir-Kaya");
	}

	@Test
	void anAuditorSeesTheLoginNameBesideTheNameSoTwoPeopleWhoCallThemselvesAlikeAreToldApart() {
		String one = "k-" + UUID.randomUUID();
		String other = "k-" + UUID.randomUUID();
		signIn(one, Map.of("name", "Joost Visser"));
		signIn(other, Map.of("name", "Joost Visser"));

		assertThat(this.directory.name(one)).isEqualTo(this.directory.name(other));
		assertThat(this.directory.accountable(one, null)).isEqualTo("Joost Visser (GGZ Midden) · " + one);
		assertThat(this.directory.accountable(other, "politie-midden"))
			.isEqualTo("Joost Visser (Politie eenheid Midden) · " + other);
		assertThat(this.directory.accountable(one)).isEqualTo("Joost Visser · " + one);
		assertThat(this.directory.accountable("never-logged-in")).isEqualTo("never-logged-in");
	}

	@Test
	void aDemoLoginIsKeptUnderTheAccountsName() throws Exception {
		this.mvc
			.perform(get("/api/v1/requests").with(httpBasic("gemeente", "demo"))
				.header("X-Purpose", "CASE_CONSULTATION"))
			.andExpect(status().isOk());

		assertThat(this.jdbc.queryForObject(
				"select display_name || ' / ' || organisation from professional where username = 'gemeente'",
				String.class))
			.isEqualTo("Lotte Jansen / gemeente-midden");
	}

	@Test
	void someoneNobodyNamedIsShownByTheLoginName() {
		assertThat(this.directory.name("never-logged-in")).isEqualTo("never-logged-in");
		assertThat(this.directory.name("never-logged-in", "ggz-midden")).isEqualTo("never-logged-in (GGZ Midden)");
	}

	@Test
	void theRequestInboxNamesWhoAskedAndTheirOrganisationNotTheirLoginName() throws Exception {
		String caseUrl = this.mvc.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
			.header("X-Purpose", "TRIAGE")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"person": {"name": "Nina Namen", "dateOfBirth": "1981-01-01"}, "caseType": "CONFUSED_BEHAVIOUR"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		for (String organisation : List.of("ggz-midden", "politie-midden")) {
			this.mvc
				.perform(post(caseUrl + "/participants").with(httpBasic("coordinator", "demo"))
					.header("X-Purpose", "TRIAGE")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"organisation\": \"%s\", \"purposes\": [\"CASE_CONSULTATION\"]}"
						.formatted(organisation)))
				.andExpect(status().isCreated());
		}
		String contribution = JsonPath.read(this.mvc
			.perform(post(caseUrl + "/contributions").with(httpBasic("ggz", "demo"))
				.header("X-Purpose", "CASE_CONSULTATION")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"Slaapt slecht\", \"category\": \"HEALTH\", \"legalBasis\": \"PUBLIC_TASK\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		this.mvc
			.perform(post(caseUrl + "/contributions/" + contribution + "/requests").with(httpBasic("politie", "demo"))
				.header("X-Purpose", "CASE_CONSULTATION")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Voor het overleg\"}"))
			.andExpect(status().isCreated());

		String inbox = this.mvc.perform(get("/requests").with(user(this.accounts.loadUserByUsername("ggz"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(inbox).contains("Joost Visser (Politie eenheid Midden)").doesNotContain("politie (politie-midden)");
		String sent = this.mvc.perform(get("/requests").with(user(this.accounts.loadUserByUsername("politie"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(sent).contains("Daan Bakker (GGZ Midden)");
	}

	private void signIn(String username, Map<String, Object> claims) {
		Actor actor = new Actor(username, null, "ggz-midden", Set.of(Role.CARE_PROFESSIONAL));
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "none")
			.claim("preferred_username", username)
			.claims((c) -> c.putAll(claims))
			.build();
		this.events.publishEvent(new AuthenticationSuccessEvent(new TokenOfActor(jwt, actor, List.of())));
	}

	/**
	 * A bearer-token login as the security package makes it: the token and the actor it
	 * names.
	 */
	static final class TokenOfActor extends JwtAuthenticationToken implements ActorPrincipal {

		private final Actor actor;

		TokenOfActor(Jwt jwt, Actor actor, Collection<? extends GrantedAuthority> authorities) {
			super(jwt, authorities);
			this.actor = actor;
		}

		@Override
		public Actor actor() {
			return this.actor;
		}

	}

}
