package nl.schakel.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealing and verify read the log without the view {@code disclosure}; what they read is
 * what the view shows, row for row and column for column, the rows from before events
 * included in their place.
 */
@IntegrationTest
class SealedRowsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theRowsSealedAreTheRowsTheViewShowsInSeqOrderWhateverTheChunks() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Rij Voor Rij", null, "ggz-midden");
		// rows as the log was written before events: first, between two reads and last
		long first = olderRow(c, "older-first");
		scenario.contribute(c, "ggz", """
				{"text": "iets om te lezen", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""");
		scenario.read(c, "ggz");
		olderRow(c, "older-between");
		scenario.read(c, "ggz");
		long last = olderRow(c, "older-last");
		List<SealedRow> view = throughTheView(first, last);
		assertThat(view).extracting(SealedRow::requestId).contains("older-first", "older-between", "older-last");
		assertThat(view.stream().map(SealedRow::requestId).distinct()).as("two reads and the older rows")
			.hasSizeGreaterThanOrEqualTo(5);

		// chunks of one, two and three items cross every boundary between items, reads
		// and older rows; the default reads the range in one
		for (int chunk : new int[] { 1, 2, 3, SealedRows.CHUNK }) {
			assertThat(sealed(first, last, chunk)).as("in chunks of %d", chunk).isEqualTo(view);
		}
		assertThat(sealed(first + 1, last - 1, 2)).as("a range inside the older rows")
			.isEqualTo(view.subList(1, view.size() - 1));
	}

	@Test
	void aRangeWithNoRowsGivesNone() throws Exception {
		long beyond = this.jdbc.queryForObject("select coalesce(max(seq), 0) + 1000000 from disclosure", Long.class);
		assertThat(sealed(beyond, beyond + 10, 3)).isEmpty();
		assertThat(sealed(1, 0, 3)).as("a range that ends before it starts").isEmpty();
	}

	private long olderRow(AuditScenario.Case c, String requestId) {
		return this.jdbc.queryForObject("""
				insert into disclosure (id, occurred_at, actor, actor_organisation, actor_role, case_id, person_id,
				                        item_kind, item_id, category, purpose, legal_basis, rule_id, policy_version,
				                        decision, channel, request_id, correlation_id)
				values (gen_random_uuid(), ?, 'ggz', 'ggz-midden', 'hulpverlener', ?, ?, 'CONTRIBUTION',
				        gen_random_uuid(), 'SOCIAL', 'CASE_CONSULTATION', 'PUBLIC_TASK', 'older-rule', 'v-older',
				        'PERMIT', 'UI', ?, 'zaak-12')
				returning seq""", Long.class, Timestamp.from(Instant.parse("1999-06-01T09:00:00.123456Z")), c.id(),
				c.personId(), requestId);
	}

	private List<SealedRow> sealed(long from, long to, int chunk) {
		return new TransactionTemplate(this.transactions)
			.execute((status) -> this.jdbc.execute((ConnectionCallback<List<SealedRow>>) (connection) -> {
				List<SealedRow> rows = new ArrayList<>();
				try (SealedRows reader = SealedRows.between(connection, from, to, chunk)) {
					for (SealedRow row = reader.next(); row != null; row = reader.next()) {
						rows.add(row);
					}
				}
				return rows;
			}));
	}

	private List<SealedRow> throughTheView(long from, long to) {
		return this.jdbc.query("""
				select seq, id::text, occurred_at, actor, actor_organisation, actor_role, case_id::text,
				       person_id::text, item_kind, item_id::text, category, purpose, legal_basis, rule_id,
				       policy_version, decision, channel, request_id, flagged, inserted_at, correlation_id,
				       consent_id::text
				from disclosure where seq between ? and ? order by seq""",
				(rs, i) -> new SealedRow(rs.getLong(1), rs.getString(2),
						rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
						rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
						rs.getString(16), rs.getString(17), rs.getString(18), rs.getBoolean(19),
						rs.getObject(20, OffsetDateTime.class).toInstant(), rs.getString(21), rs.getString(22)),
				from, to);
	}

}
