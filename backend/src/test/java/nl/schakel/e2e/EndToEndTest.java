package nl.schakel.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import nl.schakel.support.PostgresInitializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end suite's common ground: the whole application on a random port under the
 * {@code keycloak} profile (the test database from PostgresTestSupport, demo
 * organisations, no demo accounts), a real Keycloak at {@code KEYCLOAK_URL} with the
 * realm from {@code policies/keycloak/}, and a real headless Chromium. Runs only in the
 * {@code e2e} Maven profile ({@code .ci/e2e.sh} starts Keycloak and sets the
 * environment).
 *
 * <p>
 * The demo realm's users all have the password {@link #PASSWORD}; Keycloak locks a user
 * out after 5 failures (or 2 within a second), so stories never type a wrong password for
 * a user another story needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "keycloak" })
@ContextConfiguration(initializers = PostgresInitializer.class)
abstract class EndToEndTest {

	static final String KEYCLOAK_URL = stripSlash(
			System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:8180"));

	static final String REALM_URL = KEYCLOAK_URL + "/realms/schakel";

	static final String PASSWORD = "Schakel-demo-2026";

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	/**
	 * The application as the browser sees it: on localhost, which the realm's redirect
	 * URIs allow on any port.
	 */
	String app(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * An access token by the resource-owner password grant, as a test API client would
	 * get one.
	 */
	static String accessToken(String clientId, String username) {
		Map<String, String> form = Map.of("grant_type", "password", "client_id", clientId, "client_secret",
				clientId + "-secret-change-me", "username", username, "password", PASSWORD, "scope", "openid");
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(REALM_URL + "/protocol/openid-connect/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build());
		assertThat(response.statusCode()).as("token for %s via %s: %s", username, clientId, response.body())
			.isEqualTo(200);
		return json(response.body()).get("access_token").asString();
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not reach " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
