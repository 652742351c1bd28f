package nl.schakel.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.Cookie;
import nl.schakel.support.DemoApi;
import nl.schakel.support.PostgresInitializer;
import nl.schakel.support.PostgresTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * With sessions in PostgreSQL (the several-instances profile), a database outage answers
 * 503 with {@code Retry-After}, as with one instance, and not a 500 from the session
 * filter, which reads the session before anything else runs; the error page itself does
 * not stumble over the session again (checked on a real server, where the container
 * renders it). The outage is made as in {@code DatabaseOutageIT}: the app role loses
 * CONNECT and the pool is emptied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "several-instances" })
@ContextConfiguration(initializers = PostgresInitializer.class)
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=" + SeveralInstancesTestPool.SIZE)
class DatabaseOutageWithSessionsInTheDatabaseIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@LocalServerPort
	int port;

	@Test
	void aSignedInPageDuringAnOutageIsA503WithRetryAfterAndTheSessionContinuesAfterwards() throws Exception {
		Cookie session = this.mvc.perform(formLogin("/login").user("coordinator").password("demo"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("the session cookie of Spring Session").isNotNull();
		assertThat(status(page(session))).isEqualTo(200);

		JdbcTemplate owner = new JdbcTemplate(PostgresTestSupport.dataSource(PostgresTestSupport.OWNER));
		owner.execute("revoke connect on database " + PostgresTestSupport.DATABASE + " from public, "
				+ PostgresTestSupport.APP.user());
		try {
			((HikariDataSource) this.dataSource).getHikariPoolMXBean().softEvictConnections();

			MockHttpServletResponse mocked = this.mvc.perform(get("/cases").cookie(session)).andReturn().getResponse();
			assertThat(mocked.getStatus()).isEqualTo(503);
			assertThat(mocked.getHeader("Retry-After")).isEqualTo("5");

			long start = System.nanoTime();
			HttpResponse<String> real = page(session);
			assertThat(real.statusCode()).isEqualTo(503);
			assertThat(real.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(real.body()).contains("Schakel is even niet bereikbaar")
				.doesNotContain("Exception", "Hikari", "PSQL", "org.", "java.");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));

			MockHttpServletResponse api = this.mvc
				.perform(DemoApi.as("coordinator", "TRIAGE", get("/api/v1/cases"), null).cookie(session))
				.andReturn()
				.getResponse();
			assertThat(api.getStatus()).isEqualTo(503);
			assertThat(api.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(api.getContentAsString()).contains("https://schakel.nl/problems/service-unavailable");
		}
		finally {
			owner.execute("grant connect on database " + PostgresTestSupport.DATABASE + " to public, "
					+ PostgresTestSupport.APP.user());
		}

		// the pool reconnects by itself, and the session in the table was never lost
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		int status;
		do {
			status = status(page(session));
		}
		while (status != 200 && System.nanoTime() < deadline);
		assertThat(status).isEqualTo(200);
	}

	private HttpResponse<String> page(Cookie session) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/cases"))
				.header("Cookie", session.getName() + "=" + session.getValue())
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static int status(HttpResponse<String> response) {
		return response.statusCode();
	}

}
