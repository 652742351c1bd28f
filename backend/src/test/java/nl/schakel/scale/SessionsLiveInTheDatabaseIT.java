package nl.schakel.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import nl.schakel.SchakelApplication;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.PostgresTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A login, and the purpose chosen for a case, live in PostgreSQL (Spring Session JDBC),
 * not in the memory of the instance that served the login: the session cookie alone
 * continues the work on another instance on the same database, and a session removed from
 * the table is logged out everywhere. Runs with the database sessions on (the other tests
 * use MockMvc's own session objects) and follows the cookie as a browser does.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.autoconfigure.exclude=")
class SessionsLiveInTheDatabaseIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLoginIsARowInTheSessionTableAndThePurposeChosenForACaseIsOneOfItsAttributes() throws Exception {
		String caseId = caseWithGgz();
		Cookie session = login("ggz");
		String sessionId = sessionId(session);
		assertThat(this.jdbc.queryForObject("select principal_name from spring_session where session_id = ?",
				String.class, sessionId))
			.isEqualTo("ggz");

		this.mvc.perform(post("/cases/" + caseId + "/purpose").cookie(session)
			.with(csrf())
			.param("purpose", "CASE_CONSULTATION"));
		assertThat(this.jdbc.queryForObject(
				"""
						select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
						where s.session_id = ? and a.attribute_name = 'nl.schakel.casework.CasePurposes'""",
				Long.class, sessionId))
			.isEqualTo(1);
		MvcResult page = this.mvc.perform(get("/cases/" + caseId).cookie(session)).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("Sessie Persoon");
	}

	@Test
	void aSessionRemovedFromTheTableIsLoggedOut() throws Exception {
		String caseId = caseWithGgz();
		Cookie session = login("ggz");
		assertThat(this.mvc.perform(get("/cases/" + caseId).cookie(session)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		this.jdbc.update("delete from spring_session where session_id = ?", sessionId(session));
		MvcResult after = this.mvc.perform(get("/cases/" + caseId).cookie(session)).andReturn();
		assertThat(after.getResponse().getStatus()).isEqualTo(302);
		assertThat(after.getResponse().getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void theSessionCookieContinuesALoginAndItsChosenPurposeOnASecondInstance() throws Exception {
		String caseId = caseWithGgz();
		Cookie session = login("ggz");
		this.mvc.perform(post("/cases/" + caseId + "/purpose").cookie(session)
			.with(csrf())
			.param("purpose", "CASE_CONSULTATION"));

		// command-line arguments, so they outrank the test profile as the first context's
		// do
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.autoconfigure.exclude="));
		PostgresTestSupport.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SchakelApplication.class)
			.profiles("test")
			.run(arguments.toArray(String[]::new))) {
			String port = second.getEnvironment().getProperty("local.server.port");
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<String> page = client
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cases/" + caseId))
					.header("Cookie", session.getName() + "=" + session.getValue())
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(page.statusCode())
				.as("logged in on the second instance, not sent to " + page.headers().firstValue("Location"))
				.isEqualTo(200);
			assertThat(page.body()).as("under the purpose chosen on the first")
				.contains("Sessie Persoon")
				.doesNotContain("name=\"purpose\"");
		}
	}

	private Cookie login(String username) throws Exception {
		MvcResult login = this.mvc.perform(formLogin("/login").user(username).password("demo")).andReturn();
		Cookie session = login.getResponse().getCookie("SESSION");
		assertThat(session).as("the session cookie of Spring Session").isNotNull();
		return session;
	}

	private static String sessionId(Cookie cookie) {
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

	private String caseWithGgz() throws Exception {
		String caseUrl = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"person\": {\"name\": \"Sessie Persoon\", \"dateOfBirth\": \"1985-01-01\"},"
						+ " \"caseType\": \"CONFUSED_BEHAVIOUR\"}"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc
			.perform(post(caseUrl + "/participants").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\", \"TRIAGE\"]}"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is2xxSuccessful());
		return caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
	}

}
