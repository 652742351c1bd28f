package nl.schakel.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import nl.schakel.audit.VerificationReport.RowDifference;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.PostgresTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sealed log shows tampering by someone with the owner's rights, who switches the
 * append-only triggers off: verify names the block and the rows. Every test puts the log
 * back as it was, since all integration tests share one database.
 */
@IntegrationTest
class TamperEvidenceIT {

	static final String COLUMNS = "id, occurred_at, actor, actor_organisation, actor_role, case_id, person_id, item_kind, "
			+ "item_id, category, purpose, legal_basis, rule_id, policy_version, decision, channel, request_id, flagged, "
			+ "inserted_at";

	/**
	 * The columns of one item of a read, in table order: what a read's tampering touches.
	 */
	static final String ITEMS = "id, event_id, occurred_at, actor_role, item_kind, item_id, category, legal_basis, rule_id, decision, "
			+ "consent_id, flagged, inserted_at";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LogSealer sealer;

	@Autowired
	LogVerifier verifier;

	@Autowired
	ConfigurableApplicationContext context;

	long first;

	long second;

	long block;

	@BeforeEach
	void sealedDisclosures() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		// a block before the one under test, so the chain always has segments to verify
		// in parallel
		scenario.read(scenario.newCase("Eerder Blok", null, "ggz-midden"), "ggz");
		this.sealer.sealSettled();
		AuditScenario.Case c = scenario.newCase("Zegel Persoon", null, "ggz-midden");
		scenario.contribute(c, "ggz", """
				{"text": "iets om te verzegelen", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""");
		scenario.read(c, "ggz");
		scenario.read(c, "ggz");
		this.sealer.sealSettled();
		List<Long> seqs = this.jdbc.queryForList("select seq from disclosure where case_id = ? order by seq",
				Long.class, c.id());
		this.first = seqs.get(0);
		this.second = seqs.get(1);
		this.block = blockOf(this.first);
		assertThat(blockOf(this.second)).as("both rows in one block").isEqualTo(this.block);
		assertThat(this.block).as("a block before it").isGreaterThan(1);
		assertThat(verify().intact()).as("the log is intact before tampering").isTrue();
	}

	@Test
	void anAlteredRowIsFoundAndItsBlockNamed() throws Exception {
		String rule = this.jdbc.queryForObject("select rule_id from disclosure where seq = ?", String.class,
				this.first);
		asOwnerWithoutTriggers("update disclosure_event_item set rule_id = 'iemand-anders' where seq = " + this.first);
		try {
			onlyThisRowBreaksItsBlock(this.first, RowDifference.Kind.ALTERED);
			assertThat(commandLine("")).as("exit status of verify-log").isEqualTo(1);
		}
		finally {
			asOwnerWithoutTriggers(
					"update disclosure_event_item set rule_id = '" + rule + "' where seq = " + this.first);
		}
		assertThat(verify().intact()).isTrue();
	}

	@Test
	void anAlteredReadAltersEveryRowItDisclosedAndItsBlockIsNamed() throws Exception {
		String event = this.jdbc.queryForObject("select event_id::text from disclosure where seq = ?", String.class,
				this.first);
		List<Long> rowsOfTheRead = this.jdbc.queryForList(
				"select seq from disclosure_event_item where event_id = ?::uuid order by seq", Long.class, event);
		String purpose = this.jdbc.queryForObject("select purpose from disclosure_event where id = ?::uuid",
				String.class, event);
		asOwnerWithoutTriggers("update disclosure_event set purpose = 'TRIAGE' where id = '" + event + "'");
		try {
			VerificationReport report = verify();
			assertThat(report.intact()).isFalse();
			assertThat(report.firstBrokenBlock()).isEqualTo(this.block);
			assertThat(report.differences()).extracting(RowDifference::seq).containsExactlyElementsOf(rowsOfTheRead);
			assertThat(report.differences()).extracting(RowDifference::kind).containsOnly(RowDifference.Kind.ALTERED);
		}
		finally {
			asOwnerWithoutTriggers(
					"update disclosure_event set purpose = '" + purpose + "' where id = '" + event + "'");
		}
		assertThat(verify().intact()).isTrue();
	}

	@Test
	void anItemMovedOffTheTimeOfItsReadNoLongerCountsAsSealed() throws Exception {
		asOwnerWithoutTriggers("update disclosure_event_item set occurred_at = occurred_at + interval '1 microsecond'"
				+ " where seq = " + this.first);
		try {
			onlyThisRowBreaksItsBlock(this.first, RowDifference.Kind.MISSING);
		}
		finally {
			asOwnerWithoutTriggers(
					"update disclosure_event_item set occurred_at = occurred_at - interval '1 microsecond'"
							+ " where seq = " + this.first);
		}
		assertThat(verify().intact()).isTrue();
	}

	@Test
	void aDeletedRowIsFoundAndItsBlockNamed() throws Exception {
		asOwnerWithoutTriggers(
				"create table tamper_backup as select * from disclosure_event_item where seq = " + this.first,
				"delete from disclosure_event_item where seq = " + this.first);
		try {
			onlyThisRowBreaksItsBlock(this.first, RowDifference.Kind.MISSING);
		}
		finally {
			asOwnerWithoutTriggers("insert into disclosure_event_item select * from tamper_backup",
					"drop table tamper_backup");
		}
		assertThat(verify().intact()).isTrue();
	}

	@Test
	void anInsertedRowIsFoundAndItsBlockNamed() throws Exception {
		// a seq that no row holds, inside a sealed block: a rolled-back insert leaves
		// such gaps
		long gap = this.jdbc.queryForObject("select nextval('disclosure_seq_seq')", Long.class);
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Gat Persoon", null, "ggz-midden");
		scenario.read(c, "ggz");
		this.sealer.sealSettled();
		long gapBlock = blockOf(gap);
		asOwner("insert into disclosure (seq, " + COLUMNS + ") overriding system value select " + gap
				+ ", gen_random_uuid(), occurred_at, 'indringer', actor_organisation, actor_role, case_id, person_id, "
				+ "item_kind, item_id, category, purpose, legal_basis, rule_id, policy_version, decision, channel, "
				+ "request_id, flagged, inserted_at from disclosure where seq = " + this.first);
		try {
			VerificationReport report = verify();
			assertThat(report.intact()).isFalse();
			assertThat(report.brokenBlocks()).contains(gapBlock);
			assertThat(report.differences()).extracting(RowDifference::seq, RowDifference::kind)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(gap, RowDifference.Kind.UNEXPECTED));
		}
		finally {
			asOwnerWithoutTriggers("delete from disclosure_row where seq = " + gap);
		}
		assertThat(verify().intact()).isTrue();
	}

	@Test
	void twoSwappedRowsAreFoundAndTheirBlockNamed() throws Exception {
		String swap = "case when seq = " + this.first + " then " + this.second + " else " + this.first + " end";
		asOwnerWithoutTriggers(
				"create table tamper_backup as select * from disclosure_event_item where seq in (" + this.first + ", "
						+ this.second + ")",
				"delete from disclosure_event_item where seq in (" + this.first + ", " + this.second + ")",
				"insert into disclosure_event_item (seq, " + ITEMS + ") select " + swap + ", " + ITEMS
						+ " from tamper_backup");
		try {
			VerificationReport report = verify();
			assertThat(report.intact()).isFalse();
			assertThat(report.firstBrokenBlock()).isEqualTo(this.block);
			assertThat(report.differences()).extracting(RowDifference::seq, RowDifference::kind)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(this.first, RowDifference.Kind.ALTERED),
						org.assertj.core.groups.Tuple.tuple(this.second, RowDifference.Kind.ALTERED));
		}
		finally {
			asOwnerWithoutTriggers(
					"delete from disclosure_event_item where seq in (" + this.first + ", " + this.second + ")",
					"insert into disclosure_event_item select * from tamper_backup", "drop table tamper_backup");
		}
		assertThat(verify().intact()).isTrue();
	}

	@Test
	void cuttingOffTheNewestBlockIsFoundAgainstAnEarlierExportedHead() throws Exception {
		SealedHead head = SealedHead.latest(this.jdbc).orElseThrow();
		LogVerifier.ExportedHead exported = new LogVerifier.ExportedHead(head.number(), head.hash());
		assertThat(this.verifier.verify(1, exported, "test").intact()).isTrue();
		asOwnerWithoutTriggers(
				"create table tamper_rows as select * from disclosure_row where seq >= " + rowsFrom(head.number()),
				"create table tamper_items as select * from disclosure_event_item where seq >= "
						+ rowsFrom(head.number()),
				"create table tamper_blocks as select * from disclosure_block where number = " + head.number(),
				"delete from disclosure_row where seq >= " + rowsFrom(head.number()),
				"delete from disclosure_event_item where seq >= " + rowsFrom(head.number()),
				"delete from disclosure_block where number = " + head.number());
		try {
			assertThat(verify().intact()).as("without the exported head the shorter chain looks fine").isTrue();
			VerificationReport report = this.verifier.verify(1, exported, "test");
			assertThat(report.intact()).isFalse();
			assertThat(report.problems()).anyMatch((problem) -> problem.contains("newest blocks were removed"));
		}
		finally {
			asOwnerWithoutTriggers(
					"insert into disclosure_row (seq, " + COLUMNS + ") overriding system value select seq, " + COLUMNS
							+ " from tamper_rows",
					"insert into disclosure_event_item select * from tamper_items",
					"insert into disclosure_block select * from tamper_blocks", "drop table tamper_rows",
					"drop table tamper_items", "drop table tamper_blocks");
		}
		assertThat(this.verifier.verify(1, exported, "test").intact()).isTrue();
	}

	@Test
	void anIncrementalVerifyStartsAtTheLastIntactHead() throws Exception {
		VerificationReport full = verify();
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		scenario.read(scenario.newCase("Later Persoon", null, "ggz-midden"), "ggz");
		this.sealer.sealSettled();
		LogVerifier.ExportedHead last = this.verifier.lastIntactHead().orElseThrow();
		VerificationReport incremental = this.verifier.verify(last.number(), last, "test");
		assertThat(incremental.intact()).isTrue();
		assertThat(incremental.fromBlock()).isEqualTo(full.toBlock());
		assertThat(incremental.toBlock()).isGreaterThan(full.toBlock());
		assertThat(incremental.blocksChecked()).isEqualTo(incremental.toBlock() - incremental.fromBlock() + 1);
	}

	@Test
	void theCommandLineVerifyExitsWithZeroWhenIntactAndTwoOnABadHead() {
		assertThat(commandLine("")).isEqualTo(0);
		assertThat(commandLine("--head=not-a-head")).isEqualTo(2);
	}

	@Test
	void blocksAreAppendOnlyEvenForTheOwner() {
		DataSource owner = PostgresTestSupport.dataSource(PostgresTestSupport.OWNER);
		assertThatThrownBy(() -> execute(owner, "update disclosure_block set hash = hash"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> execute(owner, "delete from disclosure_block")).hasMessageContaining("append-only");
		DataSource app = PostgresTestSupport.dataSource(PostgresTestSupport.APP);
		assertThatThrownBy(() -> execute(app, "delete from disclosure_block"))
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> execute(app, "update review_item_aud set state = 'OPEN'"))
			.hasMessageContaining("permission denied");
	}

	private int commandLine(String argument) {
		VerifyLogCommand command = new VerifyLogCommand(this.verifier, this.sealer, this.context);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String[] args = argument.isEmpty() ? new String[0] : new String[] { argument };
		return command.execute(new DefaultApplicationArguments(args),
				new PrintStream(out, true, StandardCharsets.UTF_8));
	}

	private long rowsFrom(long blockNumber) {
		return this.jdbc.queryForObject("select from_seq from disclosure_block where number = ?", Long.class,
				blockNumber);
	}

	/**
	 * A full verify, made in one segment and in several side by side: whatever was done
	 * to the log, the parallel verify reports exactly what the sequential one does.
	 */
	private VerificationReport verify() {
		VerificationReport sequential = this.verifier.verify(1, null, "test", 1);
		for (int parallelism : new int[] { 2, 3, 7 }) {
			assertThat(this.verifier.verify(1, null, "test", parallelism)).as("verified in %d segments", parallelism)
				.usingRecursiveComparison()
				.ignoringFields("verifiedAt")
				.isEqualTo(sequential);
		}
		return sequential;
	}

	private long blockOf(long seq) {
		return this.jdbc.queryForObject("select number from disclosure_block where ? between from_seq and to_seq",
				Long.class, seq);
	}

	/** A verify finds the log broken in the block under test, at this one row only. */
	private void onlyThisRowBreaksItsBlock(long seq, RowDifference.Kind kind) {
		VerificationReport report = verify();
		assertThat(report.intact()).isFalse();
		assertThat(report.firstBrokenBlock()).isEqualTo(this.block);
		assertThat(report.differences()).extracting(RowDifference::seq, RowDifference::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(seq, kind));
	}

	/**
	 * The tables under the disclosure log: rows from before events, events, their items,
	 * and the seal.
	 */
	private static final String[] LOG_TABLES = { "disclosure_row", "disclosure_event", "disclosure_event_item",
			"disclosure_block" };

	/**
	 * As the owner, with the append-only triggers off for the moment, as an attacker
	 * would.
	 */
	private static void asOwnerWithoutTriggers(String... statements) throws SQLException {
		try (Connection connection = PostgresTestSupport.dataSource(PostgresTestSupport.OWNER).getConnection();
				Statement statement = connection.createStatement()) {
			for (String table : LOG_TABLES) {
				statement.execute("alter table " + table + " disable trigger user");
			}
			try {
				for (String sql : statements) {
					statement.execute(sql);
				}
			}
			finally {
				for (String table : LOG_TABLES) {
					statement.execute("alter table " + table + " enable trigger user");
				}
			}
		}
	}

	private static void asOwner(String... statements) throws SQLException {
		try (Connection connection = PostgresTestSupport.dataSource(PostgresTestSupport.OWNER).getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
