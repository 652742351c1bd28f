package nl.schakel.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import nl.schakel.support.PostgresInitializer;
import nl.schakel.support.PostgresTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a client may count on at the edges: {@code /error} asked for directly is not a
 * server failure; an empty verification request runs the default verification; a CSV
 * export is recorded (and committed) before its first byte leaves, and fails as a problem
 * detail before that; the API description needs a sign-in and names {@code X-Purpose} and
 * both ways to sign in; and no redirect is built on the {@code Host} header a caller
 * sends. On a real server (the redirect is the servlet container's business), with its
 * own context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "schakel.public-base-url=https://schakel.example.nl")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresInitializer.class)
class ErrorsClientsCanRelyOnIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Test
	void aDirectRequestForTheErrorPathIsNotFoundNotAServerError() throws Exception {
		assertThat(raw("GET /error HTTP/1.1", "localhost")).startsWith("HTTP/1.1 404");
		this.mvc.perform(get("/error").with(httpBasic("auditor", "demo"))).andExpect(status().isNotFound());
		this.mvc.perform(post("/error").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void anEmptyVerificationRequestRunsTheDefaultVerification() throws Exception {
		this.mvc
			.perform(post("/api/v1/audit/verification").with(httpBasic("auditor", "demo"))
				.header("X-Purpose", "AUDIT")
				.contentType("application/json")
				.content("{}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").exists());
	}

	@Test
	void anExportWhoseRecordCannotBeWrittenSendsAProblemDetailAndNoCsv() throws Exception {
		DataSource owner = PostgresTestSupport.dataSource(PostgresTestSupport.OWNER);
		execute(owner, "revoke insert on disclosure_event_item from " + PostgresTestSupport.APP.user());
		MockHttpServletResponse response;
		try {
			response = this.mvc
				.perform(get("/api/v1/audit/disclosures.csv").with(httpBasic("auditor", "demo"))
					.header("X-Purpose", "AUDIT")
					.header("Accept", "text/csv, application/problem+json"))
				.andReturn()
				.getResponse();
		}
		finally {
			execute(owner, "grant insert on disclosure_event_item to " + PostgresTestSupport.APP.user());
		}
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getHeader("Content-Disposition")).isNull();
		assertThat(response.getContentAsString()).doesNotContain("occurred_at")
			.contains("https://schakel.nl/problems/internal-error");
	}

	@Test
	void anExportIsRecordedBeforeItsRowsAreStreamedAndStaysRecordedIfTheStreamFails() throws Exception {
		String correlation = "export-" + UUID.randomUUID();
		DataSource owner = PostgresTestSupport.dataSource(PostgresTestSupport.OWNER);
		// the stream reads case references; the export's own record does not
		execute(owner, "revoke select on case_file from " + PostgresTestSupport.APP.user());
		try {
			this.mvc.perform(get("/api/v1/audit/disclosures.csv").with(httpBasic("auditor", "demo"))
				.header("X-Purpose", "AUDIT")
				.header("X-Request-Id", correlation));
		}
		catch (Exception streamFailed) {
			// the rows could not be streamed: that is the point
		}
		finally {
			execute(owner, "grant select on case_file to " + PostgresTestSupport.APP.user());
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from disclosure where item_kind = 'AUDIT_EXPORT' and channel = 'EXPORT' and correlation_id = ?",
				Long.class, correlation))
			.isEqualTo(1L);

		MvcResult exported = this.mvc
			.perform(get("/api/v1/audit/disclosures.csv").with(httpBasic("auditor", "demo"))
				.header("X-Purpose", "AUDIT"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn();
		assertThat(exported.getResponse().getContentAsString()).startsWith("occurred_at,");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from disclosure where item_kind = 'AUDIT_EXPORT' and request_id = ?", Long.class,
				exported.getResponse().getHeader("X-Request-Id")))
			.isEqualTo(1L);
	}

	@Test
	void theApiDescriptionIsForSignedInClientsAndNamesThePurposeHeaderAndBothSignIns() throws Exception {
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/v3/api-docs").with(httpBasic("coordinator", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"))
			.andExpect(jsonPath("$.components.securitySchemes.bearerAuth.scheme").value("bearer"))
			.andExpect(jsonPath("$.components.securitySchemes.bearerAuth.bearerFormat").value("JWT"))
			.andExpect(jsonPath("$.security[*]", hasItem(hasKey("basicAuth"))))
			.andExpect(jsonPath("$.security[*]", hasItem(hasKey("bearerAuth"))))
			.andExpect(jsonPath("$.paths['/api/v1/cases/{id}'].get.parameters[?(@.name == 'X-Purpose')].in")
				.value(hasItem("header")))
			.andExpect(jsonPath("$.paths['/api/v1/cases/{id}'].get.parameters[?(@.name == 'X-Purpose')].required")
				.value(hasItem(true)))
			.andExpect(jsonPath("$.paths['/api/v1/audit/disclosures'].get.parameters[?(@.name == 'X-Purpose')]")
				.isNotEmpty());
	}

	@Test
	void aRedirectIsNeverBuiltOnTheCallersHostHeader() throws Exception {
		String answer = raw("GET /cases HTTP/1.1", "evil.example");
		assertThat(answer).startsWith("HTTP/1.1 302");
		String location = answer.lines()
			.filter((line) -> line.regionMatches(true, 0, "Location:", 0, 9))
			.findFirst()
			.orElseThrow()
			.substring(9)
			.strip();
		assertThat(location).doesNotContain("evil.example");
		assertThat(location.startsWith("https://schakel.example.nl/")
				|| (location.startsWith("/") && !location.startsWith("//")))
			.as(location)
			.isTrue();

		// after login, the saved request's absolute URL is on the configured base
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/audit").session(session).header("Host", "evil.example"))
			.andExpect(status().is3xxRedirection());
		String afterLogin = this.mvc
			.perform(post("/login").session(session)
				.with(csrf())
				.header("Host", "evil.example")
				.param("username", "auditor")
				.param("password", "demo"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(afterLogin).doesNotContain("evil.example");
	}

	/**
	 * One request over a socket, so the Host header is exactly what an attacker would
	 * send.
	 */
	private String raw(String requestLine, String host) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLine + "\r\nHost: " + host + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			StringBuilder head = new StringBuilder();
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				head.append(line).append('\n');
			}
			return head.toString();
		}
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
