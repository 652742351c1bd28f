package nl.schakel.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import nl.schakel.support.PostgresInitializer;
import nl.schakel.support.PostgresTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole application under the {@code keycloak} profile, without a Keycloak: a local
 * HTTP server publishes the "realm's" JWK set, and tokens are signed with locally
 * generated keys. Proves that bearer tokens are checked and every refusal is recorded,
 * that the demo accounts are gone, that the UI login is OIDC with PKCE, and that the
 * ENC(...) client secret in application-keycloak.yaml decrypts under this Boot version.
 */
@SpringBootTest(properties = "jasypt.encryptor.password=" + KeycloakProfileIT.DEMO_MASTER_PASSWORD)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "keycloak" })
@ContextConfiguration(initializers = PostgresInitializer.class)
class KeycloakProfileIT {

	/**
	 * The demo master password that application-keycloak.yaml's ENC(...) values are
	 * encrypted with.
	 */
	static final String DEMO_MASTER_PASSWORD = "schakel-demo-master-password";

	static final TestTokens REALM = TestTokens.withNewKey("realm-key");

	static final HttpServer KEYCLOAK = jwkSetServer();

	static final String ISSUER = "http://localhost:" + KEYCLOAK.getAddress().getPort() + "/realms/schakel";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KeycloakProperties keycloak;

	@Autowired
	ClientRegistrationRepository registrations;

	static HttpServer jwkSetServer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/realms/schakel/protocol/openid-connect/certs", (exchange) -> {
				byte[] body = REALM.publicJwkSet().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		registry.add("schakel.keycloak.url", () -> "http://localhost:" + KEYCLOAK.getAddress().getPort());
	}

	@AfterAll
	static void stopKeycloak() {
		KEYCLOAK.stop(0);
	}

	static Map<String, Object> coordinator() {
		return TestTokens.apiClaims(ISSUER, "kc-coordinator", "zvh-midden", "coordinator");
	}

	@Test
	void theClientSecretIsDecryptedFromItsEncValue() {
		ClientRegistration registration = this.registrations.findByRegistrationId("keycloak");

		assertThat(this.keycloak.webClient().secret()).isEqualTo("schakel-web-secret-change-me");
		assertThat(registration.getClientSecret()).isEqualTo("schakel-web-secret-change-me");
		assertThat(this.keycloak.webClient().toString()).doesNotContain("schakel-web-secret");
	}

	@Test
	void aValidTokenOfOurRealmReachesTheApi() throws Exception {
		this.mvc
			.perform(get("/api/v1/cases").header("Authorization", "Bearer " + REALM.sign(coordinator()))
				.header("X-Purpose", "TRIAGE"))
			.andExpect(status().isOk());
	}

	@Test
	void anExpiredTokenIsRefusedAndRecorded() throws Exception {
		Map<String, Object> claims = coordinator();
		claims.put("iat", Date.from(Instant.now().minus(Duration.ofHours(2))));
		claims.put("exp", Date.from(Instant.now().minus(Duration.ofHours(1))));

		assertRefusedAndRecorded(REALM.sign(claims), "expired", "kc-coordinator");
	}

	@Test
	void aTokenForAnotherAudienceIsRefusedAndRecorded() throws Exception {
		Map<String, Object> claims = coordinator();
		claims.put("aud", "account");
		claims.put("azp", "schakel-other-client");

		assertRefusedAndRecorded(REALM.sign(claims), "wrong-audience", "kc-coordinator");
	}

	@Test
	void aTokenWithoutOrganisationIsRefusedAndRecorded() throws Exception {
		assertRefusedAndRecorded(REALM.sign(TestTokens.apiClaims(ISSUER, "no-org", null, "coordinator")),
				"missing-organisation", "no-org");
	}

	@Test
	void aTokenSignedByAnotherKeyIsRefusedAndRecorded() throws Exception {
		assertRefusedAndRecorded(TestTokens.withNewKey("realm-key").sign(coordinator()), "bad-signature",
				"kc-coordinator");
	}

	@Test
	void aTokenFromAnotherIssuerIsRefusedAndRecorded() throws Exception {
		Map<String, Object> claims = coordinator();
		claims.put("iss", "http://evil.example/realms/schakel");

		assertRefusedAndRecorded(REALM.sign(claims), "wrong-issuer", "kc-coordinator");
	}

	@Test
	void noTokenIsAChallengeNotAnIncident() throws Exception {
		String requestId = this.mvc
			.perform(get("/api/v1/cases").header("X-Request-Id", "no-token-" + UUID.randomUUID()))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/unauthenticated"))
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id");

		assertThat(this.jdbc.queryForObject("select count(*) from security_event where request_id = ?", Long.class,
				requestId))
			.isZero();
	}

	@Test
	void theDemoAccountsAreOff() throws Exception {
		this.mvc.perform(get("/api/v1/cases").with(httpBasic("coordinator", "demo")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/login"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/oauth2/authorization/keycloak")));
	}

	@Test
	void theUiSendsAnonymousUsersToKeycloak() throws Exception {
		this.mvc.perform(get("/cases"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/oauth2/authorization/keycloak")));
	}

	@Test
	void theUiLogsInWithTheAuthorizationCodeAndPkce() throws Exception {
		this.mvc.perform(get("/oauth2/authorization/keycloak"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location",
					allOf(startsWith(ISSUER + "/protocol/openid-connect/auth?"), containsString("response_type=code"),
							containsString("client_id=schakel-web"), containsString("code_challenge="),
							containsString("code_challenge_method=S256"), containsString("scope=openid"))));
	}

	@Test
	void theRedirectUriSentToKeycloakIsOnTheConfiguredBaseNotOnTheHostHeader() throws Exception {
		this.mvc.perform(get("/oauth2/authorization/keycloak").header("Host", "evil.example"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", allOf(
					anyOf(containsString("redirect_uri=http://localhost:8080/login/oauth2/code/keycloak"),
							containsString(
									"redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Flogin%2Foauth2%2Fcode%2Fkeycloak")),
					not(containsString("evil.example")))));
	}

	@Test
	void theApiDescriptionNeedsABearerToken() throws Exception {
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
	}

	@Test
	void theFormActionOfTheUiAllowsKeycloakForTheLogoutRedirect() throws Exception {
		this.mvc.perform(get("/css/schakel.css"))
			.andExpect(header().string("Content-Security-Policy",
					containsString("form-action 'self' http://localhost:" + KEYCLOAK.getAddress().getPort() + ";")));
	}

	@Test
	void theApplicationMayNotAlterTheSecurityLog() {
		JdbcTemplate asApp = new JdbcTemplate(PostgresTestSupport.dataSource(PostgresTestSupport.APP));
		asApp.update("insert into security_event (kind, reason) values ('LOGIN_REFUSED', 'test')");

		assertThatThrownBy(() -> asApp.update("update security_event set reason = 'rewritten'")).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> asApp.update("delete from security_event")).rootCause()
			.hasMessageContaining("permission denied");
	}

	void assertRefusedAndRecorded(String token, String reason, String subject) throws Exception {
		// the security log carries the server's request id, echoed in the response
		String requestId = this.mvc
			.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token)
				.header("X-Request-Id", "refused-" + UUID.randomUUID()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/unauthenticated"))
			.andExpect(jsonPath("$.detail").value(containsString(reason)))
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id");

		List<Map<String, Object>> events = this.jdbc
			.queryForList("select kind, reason, subject, path from security_event where request_id = ?", requestId);
		assertThat(events).hasSize(1);
		assertThat(events.get(0)).containsEntry("kind", "API_TOKEN_REFUSED")
			.containsEntry("reason", reason)
			.containsEntry("subject", subject)
			.containsEntry("path", "/api/v1/cases");
	}

}
