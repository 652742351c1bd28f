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
	void theRowsSealedAreTheRowsTheViewShowsInSeqOrder() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Rij Voor Rij", null, "ggz-midden");
		scenario.contribute(c, "ggz", """
				{"text": "iets om te lezen", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""");
		scenario.read(c, "ggz");
		// a row as the log was written before events, between two reads
		this.jdbc.update("""
				insert into disclosure (id, occurred_at, actor, actor_organisation, actor_role, case_id, person_id,
				                        item_kind, item_id, category, purpose, legal_basis, rule_id, policy_version,
				                        decision, channel, request_id, correlation_id)
				values (gen_random_uuid(), ?, 'ggz', 'ggz-midden', 'hulpverlener', ?, ?, 'CONTRIBUTION',
				        gen_random_uuid(), 'SOCIAL', 'CASE_CONSULTATION', 'PUBLIC_TASK', 'older-rule', 'v-older',
				        'PERMIT', 'UI', 'older-row', 'zaak-12')""",
				Timestamp.from(Instant.parse("2024-06-01T09:00:00.5Z")), c.id(), c.personId());
		scenario.read(c, "ggz");
		List<Long> seqs = this.jdbc.queryForList("select seq from disclosure where case_id = ? order by seq",
				Long.class, c.id());
		long from = seqs.get(0);
		long to = seqs.get(seqs.size() - 1);
		assertThat(this.jdbc.queryForObject("select count(*) from disclosure_row where seq between ? and ?", Long.class,
				from, to))
			.as("a row from before events in the range")
			.isEqualTo(1);

		List<SealedRow> sealed = new TransactionTemplate(this.transactions)
			.execute((status) -> this.jdbc.execute((ConnectionCallback<List<SealedRow>>) (connection) -> {
				List<SealedRow> rows = new ArrayList<>();
				try (SealedRows reader = SealedRows.between(connection, from, to)) {
					for (SealedRow row = reader.next(); row != null; row = reader.next()) {
						rows.add(row);
					}
				}
				return rows;
			}));

		assertThat(sealed).isEqualTo(throughTheView(from, to));
		assertThat(sealed).extracting(SealedRow::requestId).contains("older-row");
		assertThat(sealed.stream().map(SealedRow::requestId).distinct()).as("two reads and the older row")
			.hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void aRangeWithNoRowsGivesNone() throws Exception {
		long beyond = this.jdbc.queryForObject("select coalesce(max(seq), 0) + 1000000 from disclosure", Long.class);
		Boolean empty = new TransactionTemplate(this.transactions)
			.execute((status) -> this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> {
				try (SealedRows reader = SealedRows.between(connection, beyond, beyond + 10)) {
					return reader.next() == null;
				}
			}));
		assertThat(empty).isTrue();
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
