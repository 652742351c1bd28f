package nl.schakel.disclosure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.schakel.support.IntegrationTest;
import nl.schakel.support.PostgresTestSupport;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The disclosure log fails closed, only grows, and nothing sensitive lands anywhere in
 * plaintext.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DisclosureLogIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void whenTheDisclosureCannotBeRecordedNoContentLeavesTheServer() throws Exception {
		String caseUrl = caseWithContribution("Geheime inhoud die niet mag lekken", TestBsns.next());
		DataSource owner = PostgresTestSupport.dataSource(PostgresTestSupport.OWNER);
		execute(owner, "revoke insert on disclosure_event_item from " + PostgresTestSupport.APP.user());
		try {
			String body = this.mvc.perform(request(get(caseUrl), "ggz", "CASE_CONSULTATION"))
				.andExpect(status().is5xxServerError())
				.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/internal-error"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain("Geheime inhoud").doesNotContain("Verstrekking Persoon");
		}
		finally {
			execute(owner, "grant insert on disclosure_event_item to " + PostgresTestSupport.APP.user());
		}
		this.mvc.perform(request(get(caseUrl), "ggz", "CASE_CONSULTATION"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contributions[0].content").value("Geheime inhoud die niet mag lekken"));
	}

	@Test
	void bsnAndContributionTextAreInNoTableAndNoLogInPlaintext(CapturedOutput output) throws Exception {
		String bsn = TestBsns.next();
		String text = "Onderscheidende inbreng " + UUID.randomUUID();
		String caseUrl = caseWithContribution(text, bsn);
		this.mvc.perform(request(get(caseUrl), "ggz", "CASE_CONSULTATION"))
			.andExpect(jsonPath("$.contributions[0].content").value(text));

		List<String> tables = this.jdbc.queryForList(
				"select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
				String.class);
		assertThat(tables).contains("contribution", "contribution_aud", "person", "person_aud", "disclosure_event",
				"disclosure_event_item", "disclosure_row", "disclosure_aud", "revision");
		for (String table : tables) {
			String dump = this.jdbc.queryForObject("select coalesce(string_agg(t::text, ' '), '') from " + table + " t",
					String.class);
			assertThat(dump).as(table).doesNotContain(bsn).doesNotContain(text);
		}
		assertThat(output.getAll()).doesNotContain(bsn).doesNotContain(text);
	}

	@Test
	void theApplicationRoleCannotUpdateDeleteOrTruncateTheLog() throws Exception {
		caseWithContribution("iets", null);
		DataSource app = PostgresTestSupport.dataSource(PostgresTestSupport.APP);
		assertThatThrownBy(() -> execute(app, "update disclosure set decision = 'PERMIT'"))
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> execute(app, "delete from disclosure")).hasMessageContaining("permission denied");
		for (String table : new String[] { "disclosure_row", "disclosure_event", "disclosure_event_item" }) {
			assertThatThrownBy(() -> execute(app, "update " + table + " set id = id"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> execute(app, "delete from " + table)).hasMessageContaining("permission denied");
			assertThatThrownBy(() -> execute(app, "truncate " + table)).hasMessageContaining("permission denied");
		}
		assertThatThrownBy(() -> execute(app, "delete from disclosure_aud")).hasMessageContaining("permission denied");
	}

	@Test
	void evenTheOwnerIsStoppedByTheAppendOnlyTriggers() throws Exception {
		String caseUrl = caseWithContribution("iets", null);
		this.mvc.perform(request(get(caseUrl), "ggz", "CASE_CONSULTATION")).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("select count(*) from disclosure", Long.class)).isPositive();
		DataSource owner = PostgresTestSupport.dataSource(PostgresTestSupport.OWNER);
		assertThatThrownBy(() -> execute(owner, "update disclosure set decision = 'PERMIT'"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> execute(owner, "delete from disclosure")).hasMessageContaining("append-only");
		for (String table : new String[] { "disclosure_row", "disclosure_event", "disclosure_event_item" }) {
			assertThatThrownBy(() -> execute(owner, "delete from " + table)).hasMessageContaining("append-only");
			assertThatThrownBy(() -> execute(owner, "truncate " + table)).hasMessageContaining("append-only");
		}
	}

	@Test
	void everyDisclosureOfAReadIsInItsEnversRevisionWithTimeOrderedIds() throws Exception {
		String caseUrl = caseWithContribution("twee regels", null);
		String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
		String requestId = this.mvc
			.perform(request(get(caseUrl), "ggz", "CASE_CONSULTATION").header("X-Request-Id", "read-" + caseId))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id");
		List<UUID> ids = this.jdbc.queryForList(
				"select id from disclosure where case_id = ?::uuid and actor = 'ggz' order by seq", UUID.class, caseId);
		assertThat(ids).hasSizeGreaterThanOrEqualTo(2).allSatisfy((id) -> assertThat(id.version()).isEqualTo(7));
		assertThat(ids).isSortedAccordingTo(java.util.Comparator.comparing(UUID::toString));
		List<String> revisions = this.jdbc.queryForList("""
				select r.actor || '/' || r.organisation || '/' || r.purpose || '/' || r.request_id || '/' || a.revtype
				from disclosure d join disclosure_aud a on a.id = d.event_id join revision r on r.id = a.rev
				where d.case_id = ?::uuid and d.actor = 'ggz'""", String.class, caseId);
		// the request id is the server's own; the caller's X-Request-Id is only a
		// correlation id
		assertThat(revisions).hasSameSizeAs(ids).containsOnly("ggz/ggz-midden/CASE_CONSULTATION/" + requestId + "/0");
	}

	private String caseWithContribution(String text, String bsn) throws Exception {
		String person = (bsn != null) ? """
				{"name": "Verstrekking Persoon", "dateOfBirth": "1991-01-01", "bsn": "%s"}""".formatted(bsn) : """
				{"name": "Verstrekking Persoon", "dateOfBirth": "1991-01-01"}""";
		String caseUrl = this.mvc
			.perform(request(post("/api/v1/cases"), "coordinator", "TRIAGE").contentType(MediaType.APPLICATION_JSON)
				.content("{\"person\": " + person + ", \"caseType\": \"RADICALISATION\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc
			.perform(request(post(caseUrl + "/participants"), "coordinator", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(request(post(caseUrl + "/contributions"), "ggz", "CASE_CONSULTATION")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"" + text + "\", \"category\": \"HEALTH\", \"legalBasis\": \"PUBLIC_TASK\"}"))
			.andExpect(status().isCreated());
		return caseUrl;
	}

	private static MockHttpServletRequestBuilder request(MockHttpServletRequestBuilder request, String user,
			String purpose) {
		return request.with(httpBasic(user, "demo")).header("X-Purpose", purpose);
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
