package nl.schakel.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import nl.schakel.security.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API with real Keycloak tokens: accepted when they are ours, refused and recorded
 * when not.
 */
class ApiClientE2E extends EndToEndTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anApiClientGetsATokenFromKeycloakAndCallsTheApi() {
		String token = accessToken("schakel-api-client", "coordinator");

		HttpResponse<String> response = callCases(token, "ok-" + UUID.randomUUID());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json(response.body()).has("items")).isTrue();
	}

	@Test
	void aTokenForAnotherAudienceIsRefusedAndRecorded() {
		assertRefusedAndRecorded(accessToken("schakel-other-client", "politie"), "wrong-audience", "politie",
				"schakel-other-client");
	}

	@Test
	void aTokenOfAUserWithoutOrganisationIsRefusedAndRecorded() {
		assertRefusedAndRecorded(accessToken("schakel-api-client", "no-org"), "missing-organisation", "no-org",
				"schakel-api-client");
	}

	@Test
	void aTokenWithATamperedSignatureIsRefusedAndRecorded() {
		assertRefusedAndRecorded(TestTokens.tamper(accessToken("schakel-api-client", "gemeente")), "bad-signature",
				"gemeente", "schakel-api-client");
	}

	@Test
	void aTokenSignedByAnotherKeyUnderTheRealmsKeyIdIsRefusedAndRecorded() {
		String forged = TestTokens.withNewKey("ignored").forge(accessToken("schakel-api-client", "ggz"));

		assertRefusedAndRecorded(forged, "bad-signature", "ggz", "schakel-api-client");
	}

	HttpResponse<String> callCases(String token, String requestId) {
		return send(HttpRequest.newBuilder(URI.create(app("/api/v1/cases")))
			.header("Authorization", "Bearer " + token)
			.header("X-Request-Id", requestId)
			// every API call on case data names its purpose
			.header("X-Purpose", "TRIAGE")
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	void assertRefusedAndRecorded(String token, String reason, String subject, String client) {
		HttpResponse<String> response = callCases(token, "e2e-refused-" + UUID.randomUUID());
		// the security log carries the server's request id, echoed in the response
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(response.body()).get("type").asString())
			.isEqualTo("https://schakel.nl/problems/unauthenticated");
		assertThat(this.jdbc
			.queryForMap("select kind, reason, subject, client from security_event where request_id = ?", requestId))
			.containsEntry("kind", "API_TOKEN_REFUSED")
			.containsEntry("reason", reason)
			.containsEntry("subject", subject)
			.containsEntry("client", client);
	}

}
