package nl.schakel.reliability;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.RequestDispatcher;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.PostgresTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Surviving a database outage (docs/reliability.md) inside the test JVM: while the
 * application role cannot get a database connection, API calls answer a 503 problem with
 * {@code Retry-After} and pages a 503 within the pool's 3 s connection timeout, nothing
 * is written, and the application serves again by itself once connections work. (The
 * database is shared with the other tests, so the outage is made by revoking the app
 * role's CONNECT and evicting the pool, not by stopping the server;
 * {@code .ci/outage-drill.sh} stops a real server.)
 */
@IntegrationTest
class DatabaseOutageIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Autowired
	UserDetailsService accounts;

	@Test
	void withoutDatabaseConnectionsRequestsFailFastWith503AndTheApplicationRecoversByItself() throws Exception {
		JdbcTemplate owner = new JdbcTemplate(PostgresTestSupport.dataSource(PostgresTestSupport.OWNER));
		long casesBefore = owner.queryForObject("select count(*) from case_file", Long.class);
		owner.execute("revoke connect on database " + PostgresTestSupport.DATABASE + " from public, "
				+ PostgresTestSupport.APP.user());
		try {
			((HikariDataSource) this.dataSource).getHikariPoolMXBean().softEvictConnections();

			long start = System.nanoTime();
			MockHttpServletResponse read = this.mvc
				.perform(DemoApi.as("coordinator", "TRIAGE", get("/api/v1/cases"), null))
				.andReturn()
				.getResponse();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(read.getStatus()).isEqualTo(503);
			assertThat(read.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(read.getHeader("Retry-After")).isEqualTo("5");
			assertThat(read.getContentAsString()).contains("https://schakel.nl/problems/service-unavailable")
				.doesNotContain("Exception", "Hikari", "PSQL", "SQL", "org.", "java.");
			assertThat(took).isLessThan(Duration.ofSeconds(8));

			MockHttpServletResponse write = this.mvc.perform(DemoApi.as("coordinator", "TRIAGE", post("/api/v1/cases"),
					"""
							{"person": {"name": "Niet Bewaard", "dateOfBirth": "1980-01-01"}, "caseType": "RADICALISATION"}"""))
				.andReturn()
				.getResponse();
			assertThat(write.getStatus()).isEqualTo(503);

			MockHttpServletResponse page = this.mvc
				.perform(get("/cases").with(user(this.accounts.loadUserByUsername("coordinator"))))
				.andReturn()
				.getResponse();
			assertThat(page.getStatus()).isEqualTo(503);
			assertThat(page.getHeader("Retry-After")).isEqualTo("5");
		}
		finally {
			owner.execute("grant connect on database " + PostgresTestSupport.DATABASE + " to public, "
					+ PostgresTestSupport.APP.user());
		}
		assertThat(owner.queryForObject("select count(*) from case_file", Long.class)).isEqualTo(casesBefore);

		// the pool reconnects by itself (Hikari retries with a back-off of at most 5 s)
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		int status;
		do {
			status = this.mvc.perform(DemoApi.as("coordinator", "TRIAGE", get("/api/v1/cases"), null))
				.andReturn()
				.getResponse()
				.getStatus();
		}
		while (status != 200 && System.nanoTime() < deadline);
		assertThat(status).isEqualTo(200);
	}

	@Test
	void theUnavailablePageIsReadableInDutchAndEnglish() throws Exception {
		MockHttpServletResponse dutch = this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 503)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/cases"))
			.andReturn()
			.getResponse();
		assertThat(dutch.getStatus()).isEqualTo(503);
		assertThat(dutch.getContentAsString()).contains("Schakel is even niet bereikbaar", "niets opgeslagen");
		MockHttpServletResponse english = this.mvc
			.perform(get("/error").param("lang", "en")
				.accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 503)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/cases"))
			.andReturn()
			.getResponse();
		assertThat(english.getContentAsString()).contains("Schakel is briefly unavailable");
	}

}
