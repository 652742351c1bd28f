package nl.schakel.audit;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A read writes one disclosure event with its items, and the auditor still sees,
 * searches, exports and verifies one entry per item; the hash chain runs on from the rows
 * written one per item before events into the items of events.
 */
@IntegrationTest
class OneEventPerReadIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LogSealer sealer;

	@Autowired
	LogVerifier verifier;

	@Test
	void aReadOfNItemsWritesOneEventRowAndTheAuditorSearchStillReturnsNItems() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Een Gebeurtenis", null, "ggz-midden");
		for (int i = 0; i < 3; i++) {
			scenario.contribute(c, "ggz", """
					{"text": "inbreng %d", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""".formatted(i));
		}
		long eventsBefore = events(c.id());
		String requestId = scenario.as("ggz", "CASE_CONSULTATION", get(c.url()), null)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id");

		assertThat(events(c.id())).as("one event row for the read").isEqualTo(eventsBefore + 1);
		UUID event = this.jdbc.queryForObject("select id from disclosure_event where request_id = ?", UUID.class,
				requestId);
		int items = this.jdbc.queryForObject("select count(*) from disclosure_event_item where event_id = ?",
				Integer.class, event);
		assertThat(items).as("the case header and three contributions").isEqualTo(4);

		String body = scenario
			.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?case=" + c.id() + "&actor=ggz&size=200"), null)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> requestIds = JsonPath.read(body, "$.disclosures[?(@.requestId == '" + requestId + "')].id");
		assertThat(requestIds).as("one auditor entry per item of the read").hasSize(items).doesNotHaveDuplicates();
		List<UUID> itemIds = this.jdbc.queryForList("select id from disclosure_event_item where event_id = ?",
				UUID.class, event);
		assertThat(requestIds).containsExactlyInAnyOrderElementsOf(itemIds.stream().map(UUID::toString).toList());
	}

	@Test
	void theSealedChainRunsOnFromRowsWrittenOnePerItemIntoTheItemsOfEvents() throws Exception {
		// a row as the log held them before events: one per item, in the table they stay
		// in
		this.jdbc.update("""
				insert into disclosure (id, occurred_at, actor, actor_organisation, actor_role, item_kind, rule_id,
				    policy_version, decision, channel, request_id)
				values (gen_random_uuid(), now(), 'ggz', 'ggz-midden', 'care-professional', 'CASE', 'old-rule',
				    '2026.1', 'PERMIT', 'UI', 'from-before-events')""");
		long oldSeq = this.jdbc.queryForObject("select seq from disclosure_row where request_id = 'from-before-events'",
				Long.class);
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Ketting Persoon", null, "ggz-midden");
		scenario.read(c, "ggz");
		long newSeq = this.jdbc.queryForObject(
				"select max(i.seq) from disclosure_event_item i join disclosure_event e on e.id = i.event_id "
						+ "where e.case_id = ?",
				Long.class, c.id());
		assertThat(newSeq).isGreaterThan(oldSeq);

		this.sealer.sealSettled();
		assertThat(sealedUpTo()).as("both sealed").isGreaterThanOrEqualTo(newSeq);
		VerificationReport report = this.verifier.verify(1, null, "test");
		assertThat(report.intact()).as(report.toString()).isTrue();
	}

	private long events(UUID caseId) {
		return this.jdbc.queryForObject("select count(*) from disclosure_event where case_id = ?", Long.class, caseId);
	}

	private long sealedUpTo() {
		return this.jdbc.queryForObject("select coalesce(max(to_seq), 0) from disclosure_block", Long.class);
	}

}
