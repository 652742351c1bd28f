package nl.schakel.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every request gets an id of the server's own making (a UUID v7). What a caller sends as
 * {@code X-Request-Id} is kept only as a short, printable correlation id: it never
 * becomes the request id in the disclosure log or a revision, and so can neither be
 * shared between users nor fold several reads into one review item.
 */
@IntegrationTest
class RequestIdsAreServerMadeIT {

	private static final String SHARED = "the-same-id-for-everyone";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LogSealer sealer;

	@Autowired
	ReviewScanner scanner;

	@Test
	void aCallersRequestIdIsKeptAsCorrelationIdAndTheServerMakesItsOwn() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Correlatie Persoon", null, "ggz-midden", "politie-midden");

		MockHttpServletResponse ggz = read(scenario, c, "ggz", SHARED);
		MockHttpServletResponse politie = read(scenario, c, "politie", SHARED);

		String ggzId = ggz.getHeader("X-Request-Id");
		String politieId = politie.getHeader("X-Request-Id");
		assertThat(List.of(ggzId, politieId))
			.allSatisfy((id) -> assertThat(UUID.fromString(id).version()).as("a server-made UUID v7").isEqualTo(7));
		assertThat(ggzId).isNotEqualTo(politieId).isNotEqualTo(SHARED);

		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select actor, request_id, correlation_id from disclosure where case_id = ? and actor in ('ggz', 'politie')",
				c.id());
		assertThat(rows).isNotEmpty().allSatisfy((row) -> {
			assertThat(row.get("correlation_id")).isEqualTo(SHARED);
			assertThat(row.get("request_id")).isEqualTo("ggz".equals(row.get("actor")) ? ggzId : politieId);
		});
	}

	@Test
	void aRevisionCarriesTheServersIdAndTheCallersCorrelationId() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		MockHttpServletResponse created = scenario.as("coordinator", "TRIAGE",
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/cases")
					.header("X-Request-Id", SHARED),
				"""
						{"person": {"name": "Revisie Persoon", "dateOfBirth": "1984-04-04"}, "caseType": "CONFUSED_BEHAVIOUR"}""")
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(201);
		String location = created.getHeader("Location");
		String id = location.substring(location.lastIndexOf('/') + 1);
		Map<String, Object> revision = this.jdbc.queryForMap("""
				select r.request_id, r.correlation_id from case_file_aud a join revision r on r.id = a.rev
				where a.id = ?::uuid""", id);
		assertThat(revision).containsEntry("request_id", created.getHeader("X-Request-Id"))
			.containsEntry("correlation_id", SHARED);
	}

	@Test
	void aCorrelationIdThatIsTooLongOrNotPrintableAsciiIsDropped() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Onleesbaar Persoon", null, "ggz-midden");
		read(scenario, c, "ggz", "x".repeat(101));
		read(scenario, c, "ggz", "tab\there");
		read(scenario, c, "ggz", "caf\u00e9-1234");
		assertThat(this.jdbc.queryForList("select correlation_id from disclosure where case_id = ? and actor = 'ggz'",
				String.class, c.id()))
			.isNotEmpty()
			.containsOnlyNulls();
	}

	@Test
	void readsThatShareACallersRequestIdAreReviewedOneByOne() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Gedeeld Persoon", null, "ggz-midden", "politie-midden");
		scenario.contribute(c, "ggz", """
				{"text": "Dreiging jegens naaste", "category": "HEALTH", "legalBasis": "CONFLICT_OF_DUTIES",
				 "audienceOrganisations": ["politie-midden"], "secrecyBreachConfirmed": true,
				 "conflictOfDuties": {"interest": "veiligheid", "whyNoConsent": "weigert", "noOtherWay": "geen",
				                      "seriousHarm": "geweld", "strictlyNeeded": "alleen de dreiging"}}""");
		// two reads sent under one X-Request-Id, as a client hiding the second in the
		// first would
		read(scenario, c, "politie", SHARED);
		read(scenario, c, "politie", SHARED);
		List<UUID> flagged = this.jdbc.queryForList(
				"select id from disclosure where case_id = ? and actor = 'politie' and flagged", UUID.class, c.id());
		assertThat(flagged).hasSizeGreaterThanOrEqualTo(2);

		this.sealer.sealSettled();
		this.scanner.scanSealed();

		Long items = this.jdbc.queryForObject("""
				select count(distinct i.id) from review_item i, disclosure d
				where d.case_id = ? and d.actor = 'politie' and d.flagged and d.id = any(i.disclosure_ids)
				  and i.kind = 'policy-flag'""", Long.class, c.id());
		assertThat(items).as("one review item per read").isEqualTo(2L);
	}

	private static MockHttpServletResponse read(AuditScenario scenario, AuditScenario.Case c, String user,
			String requestId) throws Exception {
		return scenario.as(user, "CASE_CONSULTATION", get(c.url()).header("X-Request-Id", requestId), null)
			.andReturn()
			.getResponse();
	}

}
