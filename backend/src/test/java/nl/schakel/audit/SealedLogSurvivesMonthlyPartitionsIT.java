package nl.schakel.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.SchakelApplication;
import nl.schakel.support.PostgresTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The disclosure log moved into monthly partitions is the log it was. A database of its
 * own is brought to the schema before the move (every migration but the move itself, as a
 * running installation has it), the application seeds its demo cases and writes and seals
 * its log there the way it always did — reads, an auditor's search, reads of earlier
 * months, a row from before events — and only then does the move run, at the next start.
 * After it the sealed chain verifies against the head exported before the move, every
 * row, block, digest and history id is unchanged, and the auditor's search answers
 * exactly as before; a one-month search reads one partition, the months ahead are made by
 * the application's job through the owner's function, and the application can neither
 * drop nor truncate a month.
 */
class SealedLogSurvivesMonthlyPartitionsIT {

	private static final String DATABASE = "schakel_log_by_month";

	/** The auditor's searches compared before and after the move. */
	private static final Map<String, DisclosureSearch.Criteria> SEARCHES = new LinkedHashMap<>();

	private static final Map<String, DisclosurePage> pagesBefore = new LinkedHashMap<>();

	private static List<Map<String, Object>> rowsBefore;

	private static List<Map<String, Object>> blocksBefore;

	private static List<Map<String, Object>> historyBefore;

	private static LogVerifier.ExportedHead headBefore;

	private static UUID acrossMidnight;

	private static ConfigurableApplicationContext app;

	private static Map<String, Object> database;

	@BeforeAll
	static void aLogWrittenAndSealedBeforeTheMoveThenMoved(@TempDir Path directory) throws Exception {
		database = PostgresTestSupport.propertiesOfOwnDatabase(DATABASE);
		Path before = schemaBeforeTheMove(directory);
		List<String> arguments = arguments(database);
		arguments.add("--spring.flyway.locations=filesystem:" + before);
		arguments.add("--schakel.demo-data.enabled=true");
		try (ConfigurableApplicationContext old = new SpringApplicationBuilder(SchakelApplication.class)
			.profiles("test")
			.run(arguments.toArray(String[]::new))) {
			writeTheLogAsBefore(old);
		}
		// the column the application of today writes and the schema before the move lacks
		try (Connection owner = dataSource(database, PostgresTestSupport.OWNER).getConnection();
				Statement statement = owner.createStatement()) {
			statement.execute("alter table disclosure_event_item drop column occurred_at");
		}
		List<String> moved = arguments(database);
		// an installation already past the move's number takes it out of order
		moved.add("--spring.flyway.out-of-order=true");
		app = new SpringApplicationBuilder(SchakelApplication.class).profiles("test").run(moved.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void theMovedLogVerifiesIntactAgainstTheHeadExportedBeforeTheMove() {
		VerificationReport report = app.getBean(LogVerifier.class).verify(1, headBefore, "test");
		assertThat(report.intact()).as(report.toString()).isTrue();
		assertThat(blocks(jdbc()).subList(0, blocksBefore.size())).as("every sealed block, hash and digest")
			.isEqualTo(blocksBefore);
	}

	@Test
	void everyRowOfTheLogReadsAsBeforeAndKeepsItsSeqAndItsHistory() {
		long lastSeq = ((Number) rowsBefore.get(rowsBefore.size() - 1).get("seq")).longValue();
		assertThat(rows(jdbc(), lastSeq)).isEqualTo(rowsBefore);
		assertThat(history(jdbc())).containsAll(historyBefore);
		assertThat(jdbc().queryForObject("""
				select count(*) from disclosure_event_item i join disclosure_event e on e.id = i.event_id
				where e.occurred_at <> i.occurred_at""", Long.class)).as("items carry their event's time").isZero();
	}

	@Test
	void theAuditorsSearchAnswersAsBeforeTheMove() {
		DisclosureSearch search = app.getBean(DisclosureSearch.class);
		SEARCHES
			.forEach((name, criteria) -> assertThat(search.page(criteria)).as(name).isEqualTo(pagesBefore.get(name)));
	}

	@Test
	void everyMonthOfTheLogIsAPartitionAndTheDefaultPartitionIsEmpty() {
		List<String> months = jdbc().queryForList("""
				select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = 'disclosure_event'::regclass order by c.relname""", String.class);
		YearMonth last = YearMonth.now(LogMonths.ZONE).plusMonths(LogMonths.AHEAD);
		for (YearMonth month = YearMonth.of(2023, 11); !month.isAfter(last); month = month.plusMonths(1)) {
			assertThat(months).contains(LogMonths.partition(month.atDay(1)));
		}
		assertThat(jdbc().queryForObject("select count(*) from disclosure_event_default", Long.class)).isZero();
		assertThat(jdbc().queryForObject("select tableoid::regclass::text from disclosure_event where id = ?",
				String.class, acrossMidnight))
			.as("half past midnight on 1 March in Amsterdam is March, though still February in UTC")
			.isEqualTo("disclosure_event_2026_03");
	}

	@Test
	void anAuditorsSearchOfOneMonthReadsThatMonthsPartitionAlone() {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String sql = DisclosureSearch.query(SEARCHES.get("March 2026"), 51, parameters, true);
		String plan = app.getBean(NamedParameterJdbcTemplate.class)
			.queryForObject("explain (analyze, format json) " + sql, parameters, String.class);
		assertThat(partitionsRead(plan)).as(plan).containsExactly("disclosure_event_2026_03");
	}

	@Test
	void anItemFindsItsEventInOnePartition() {
		long seq = jdbc().queryForObject("select max(seq) from disclosure_event_item", Long.class);
		String plan = new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).execute((status) -> {
			// the test database is small enough to hash whole; ask for the plan a large
			// log gets: an item by its seq, then its event by key
			jdbc().execute("set local enable_seqscan = off");
			jdbc().execute("set local enable_hashjoin = off");
			jdbc().execute("set local enable_mergejoin = off");
			return jdbc().queryForObject("explain (analyze, format json) select * from disclosure where seq = ?",
					String.class, seq);
		});
		assertThat(partitionsRead(plan)).as(plan).hasSize(1);
	}

	@Test
	void theJobKeepsAYearOfMonthsAheadAndNoReadLandsInTheDefaultPartition() throws Exception {
		app.getBean(LogMonths.class).prepareAhead();
		YearMonth now = YearMonth.now(LogMonths.ZONE);
		for (int k = 0; k <= LogMonths.AHEAD; k++) {
			assertThat(jdbc().queryForObject("select to_regclass(?) is not null", Boolean.class,
					LogMonths.partition(now.plusMonths(k).atDay(1))))
				.as(now.plusMonths(k).toString())
				.isTrue();
		}
		AuditScenario scenario = new AuditScenario(mvc(app), jdbc());
		AuditScenario.Case c = scenario.newCase("Na Maanden", null, "ggz-midden");
		scenario.read(c, "ggz");
		assertThat(
				jdbc().queryForList("select distinct tableoid::regclass::text from disclosure_event where case_id = ?",
						String.class, c.id()))
			.containsExactly(LogMonths.partition(now.atDay(1)));
		assertThat(jdbc().queryForObject("select count(*) from disclosure_event_default", Long.class)).isZero();
		app.getBean(LogSealer.class).sealSettled();
		VerificationReport report = app.getBean(LogVerifier.class).verify(1, headBefore, "test");
		assertThat(report.intact()).as(report.toString()).isTrue();
	}

	@Test
	void anItemThatCannotFindItsEventStopsTheSealInsteadOfSlippingPastIt() throws Exception {
		UUID event = UUID.randomUUID();
		UUID item = UUID.randomUUID();
		jdbc().update("""
				insert into disclosure_event (id, occurred_at, actor, actor_organisation, purpose, policy_version,
				                              channel, request_id)
				values (?, ?, 'ggz', 'ggz-midden', 'CASE_CONSULTATION', 'v-older', 'UI', 'stray')""", event,
				Timestamp.from(Instant.parse("2026-03-10T10:00:00Z")));
		jdbc().update("""
				insert into disclosure_event_item (id, event_id, occurred_at, actor_role, item_kind, rule_id, decision)
				values (?, ?, ?, 'hulpverlener', 'CASE', 'stray-rule', 'PERMIT')""", item, event,
				Timestamp.from(Instant.parse("2026-04-10T10:00:00Z")));
		try {
			assertThat(jdbc().queryForObject("select count(*) from disclosure where id = ?", Long.class, item))
				.as("the view cannot show it")
				.isZero();
			assertThatThrownBy(() -> app.getBean(LogSealer.class).sealSettled())
				.hasMessageContaining("find their read");
		}
		finally {
			try (Connection owner = dataSource(database, PostgresTestSupport.OWNER).getConnection();
					Statement statement = owner.createStatement()) {
				statement.execute("alter table disclosure_event_item disable trigger user");
				statement.execute("delete from disclosure_event_item where id = '" + item + "'");
				statement.execute("alter table disclosure_event_item enable trigger user");
			}
		}
		app.getBean(LogSealer.class).sealSettled();
		assertThat(app.getBean(LogVerifier.class).verify(1, headBefore, "test").intact()).isTrue();
	}

	@Test
	void theApplicationAsksTheOwnersFunctionForAMonthAndGetsItWithTriggersAndGrants() throws Exception {
		LocalDate month = YearMonth.now(LogMonths.ZONE).plusMonths(20).atDay(1);
		String partition = LogMonths.partition(month);
		assertThat(jdbc().queryForObject("select disclosure_event_prepare_month(?)", Boolean.class, month)).isTrue();
		assertThat(jdbc().queryForObject("select disclosure_event_prepare_month(?)", Boolean.class, month))
			.as("a month is made once")
			.isFalse();
		assertThat(
				jdbc().queryForObject("select tableowner from pg_tables where tablename = ?", String.class, partition))
			.isEqualTo(PostgresTestSupport.OWNER.user());
		assertThat(jdbc().queryForList(
				"select tgname from pg_trigger where tgrelid = ?::regclass and not tgisinternal order by tgname",
				String.class, partition))
			.containsExactlyInAnyOrder("disclosure_event_append_only", partition + "_no_truncate");
		assertThat(jdbc().queryForList("""
				select privilege_type from information_schema.role_table_grants
				where table_name = ? and grantee = ? order by privilege_type""", String.class, partition,
				PostgresTestSupport.APP.user()))
			.containsExactly("INSERT", "SELECT");
		assertThatThrownBy(
				() -> jdbc().queryForObject("select disclosure_event_prepare_month(date '2020-01-01')", Boolean.class))
			.hasMessageContaining("from last month to two years ahead");
		assertThatThrownBy(
				() -> jdbc().queryForObject("select disclosure_event_create_month(date '2020-01-01')", Boolean.class))
			.cause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void theApplicationCanNeitherDropNorTruncateAMonthNorCreateATable() throws Exception {
		DataSource app = dataSource(database, PostgresTestSupport.APP);
		assertThatThrownBy(() -> execute(app, "drop table disclosure_event_2026_03"))
			.hasMessageContaining("must be owner");
		assertThatThrownBy(() -> execute(app, "truncate disclosure_event_2026_03"))
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> execute(app, "truncate disclosure_event_default"))
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> execute(app, "alter table disclosure_event detach partition disclosure_event_2026_03"))
			.hasMessageContaining("must be owner");
		assertThatThrownBy(() -> execute(app, "delete from disclosure_event_2026_03"))
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> execute(app, "create table disclosure_event_2099_01 (id uuid)"))
			.hasMessageContaining("permission denied");
		// and the owner is stopped by the triggers, each month's own TRUNCATE trigger
		// too
		DataSource owner = dataSource(database, PostgresTestSupport.OWNER);
		assertThatThrownBy(() -> execute(owner, "truncate disclosure_event_2026_03"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> execute(owner, "truncate disclosure_event_default"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> execute(owner, "delete from disclosure_event_2026_03"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> execute(owner,
				"update disclosure_event set actor = 'iemand' where id = '" + acrossMidnight + "'"))
			.hasMessageContaining("append-only");
	}

	/**
	 * Every migration but the move into months (and what comes with it), and a Flyway
	 * callback that gives the items the one column today's application writes, so it can
	 * write the log the old way until the move; the column goes again before the move.
	 */
	private static Path schemaBeforeTheMove(Path directory) throws Exception {
		Path migrations = Files.createDirectories(directory.resolve("before-the-move"));
		for (Resource migration : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:db/migration/*.sql")) {
			String name = migration.getFilename();
			if (name != null && !name.startsWith("V80_")) {
				try (var in = migration.getInputStream()) {
					Files.copy(in, migrations.resolve(name));
				}
			}
		}
		Files.writeString(migrations.resolve("afterMigrate.sql"),
				"alter table disclosure_event_item add column if not exists occurred_at timestamptz;\n");
		return migrations;
	}

	private static void writeTheLogAsBefore(ConfigurableApplicationContext old) throws Exception {
		JdbcTemplate jdbc = old.getBean(JdbcTemplate.class);
		AuditScenario scenario = new AuditScenario(mvc(old), jdbc);
		assertThat(jdbc.queryForObject("select count(*) from case_file", Long.class)).as("the demo cases").isPositive();
		AuditScenario.Case c = scenario.newCase("Voor Maanden", null, "ggz-midden", "politie-midden");
		for (String category : List.of("HEALTH", "SOCIAL")) {
			scenario.contribute(c, "ggz",
					"""
							{"text": "notitie", "category": "%s", "legalBasis": "PUBLIC_TASK", "audienceDomains": ["JUSTICE"]}"""
						.formatted(category));
		}
		scenario.read(c, "ggz");
		scenario.read(c, "politie");
		scenario.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?case=" + c.id()), null)
			.andExpect(status().isOk());
		// reads of earlier months, as the application wrote them: an event and its items
		readAt(jdbc, "2023-11-15T10:00:00Z", c, "ggz", "PERMIT", false);
		readAt(jdbc, "2025-12-20T08:00:00Z", c, "politie", "DENY", false);
		acrossMidnight = readAt(jdbc, "2026-02-28T23:30:00Z", c, "ggz", "PERMIT", true);
		readAt(jdbc, "2026-03-15T12:00:00Z", c, "politie", "EXISTENCE_ONLY", false);
		readAt(jdbc, "2026-03-31T21:30:00Z", c, "ggz", "DENY", false);
		readAt(jdbc, "2026-10-10T10:00:00Z", c, "ggz", "PERMIT", false);
		// a row logged one per item, from before events
		jdbc.update(
				"""
						insert into disclosure (id, occurred_at, actor, actor_organisation, actor_role, case_id, person_id,
						                        item_kind, item_id, category, purpose, legal_basis, rule_id, policy_version,
						                        decision, channel, request_id)
						values (gen_random_uuid(), ?, 'ggz', 'ggz-midden', 'hulpverlener', ?, ?, 'CONTRIBUTION',
						        gen_random_uuid(), 'SOCIAL', 'CASE_CONSULTATION', 'PUBLIC_TASK', 'older-rule', 'v-older', 'PERMIT',
						        'UI', 'older-row')""",
				Timestamp.from(Instant.parse("2024-06-01T09:00:00Z")), c.id(), c.personId());
		old.getBean(LogSealer.class).sealSettled();

		SEARCHES.put("case", criteria(null, c.id(), null, null, null, null, null));
		SEARCHES.put("case, refused", criteria(null, c.id(), null, "DENY", null, null, null));
		SEARCHES.put("person", criteria(c.personId(), null, null, null, null, null, null));
		SEARCHES.put("flagged", criteria(null, c.id(), null, null, true, null, null));
		SEARCHES.put("March 2026", criteria(null, null, null, null, null, "2026-03-01", "2026-03-31"));
		SEARCHES.put("politie, 2023 to 2026", criteria(null, null, "politie", null, null, "2023-01-01", "2026-11-30"));
		DisclosureSearch search = old.getBean(DisclosureSearch.class);
		SEARCHES.forEach((name, criteria) -> {
			DisclosurePage page = search.page(criteria);
			assertThat(page.disclosures()).as(name).isNotEmpty();
			pagesBefore.put(name, page);
		});
		rowsBefore = rows(jdbc, Long.MAX_VALUE);
		blocksBefore = blocks(jdbc);
		historyBefore = history(jdbc);
		SealedHead head = SealedHead.latest(jdbc).orElseThrow();
		headBefore = new LogVerifier.ExportedHead(head.number(), head.hash());
		assertThat(old.getBean(LogVerifier.class).verify(1, headBefore, "test").intact()).isTrue();
		assertThat(jdbc.queryForObject(
				"select count(*) from disclosure where seq > (select max(to_seq) from disclosure_block)", Long.class))
			.as("every row sealed")
			.isZero();
	}

	private static UUID readAt(JdbcTemplate jdbc, String at, AuditScenario.Case c, String actor, String decision,
			boolean flagged) {
		UUID event = UUID.randomUUID();
		jdbc.update("""
				insert into disclosure_event (id, occurred_at, actor, actor_organisation, case_id, person_id, purpose,
				                              policy_version, channel, request_id)
				values (?, ?, ?, ?, ?, ?, 'CASE_CONSULTATION', 'v-older', 'UI', ?)""", event,
				Timestamp.from(Instant.parse(at)), actor, actor + "-midden", c.id(), c.personId(), "older-" + event);
		for (String kind : List.of("CASE", "CONTRIBUTION")) {
			// the event's time on the item too: today's sealer, sealing here as the old
			// one
			// did, finds an item's event by both (the column goes before the move)
			jdbc.update("""
					insert into disclosure_event_item (id, event_id, occurred_at, actor_role, item_kind, item_id,
					                                   category, legal_basis, rule_id, decision, flagged)
					values (?, ?, ?, 'hulpverlener', ?, ?, 'HEALTH', 'PUBLIC_TASK', 'older-rule', ?, ?)""",
					UUID.randomUUID(), event, Timestamp.from(Instant.parse(at)), kind, UUID.randomUUID(), decision,
					flagged);
		}
		return event;
	}

	private static DisclosureSearch.Criteria criteria(UUID person, UUID caseId, String actor, String decision,
			Boolean flagged, String from, String to) {
		return new DisclosureSearch.Criteria(person, caseId, actor, null, null, null, decision, flagged,
				(from != null) ? LocalDate.parse(from).atStartOfDay(DisclosureSearch.ZONE).toInstant() : null,
				(to != null) ? LocalDate.parse(to).plusDays(1).atStartOfDay(DisclosureSearch.ZONE).toInstant() : null,
				null, null, null, 200);
	}

	/** Every column of the log a block seals. */
	private static final String SEALED_COLUMNS = """
			seq, id::text, occurred_at, actor, actor_organisation, actor_role, case_id::text, person_id::text,
			item_kind, item_id::text, category, purpose, legal_basis, rule_id, policy_version, decision, channel,
			request_id, flagged, inserted_at, correlation_id, consent_id::text""";

	private static List<Map<String, Object>> rows(JdbcTemplate jdbc, long toSeq) {
		return jdbc.queryForList("select " + SEALED_COLUMNS + " from disclosure where seq <= ? order by seq", toSeq);
	}

	private static List<Map<String, Object>> blocks(JdbcTemplate jdbc) {
		return jdbc.queryForList("""
				select number, from_seq, to_seq, row_count, encode(row_digests, 'hex') as digests, previous_hash, hash,
				       sealed_at
				from disclosure_block order by number""");
	}

	private static List<Map<String, Object>> history(JdbcTemplate jdbc) {
		return jdbc.queryForList("select id, rev, revtype from disclosure_aud order by id, rev");
	}

	/** The event partitions a plan read (the others pruned or never executed). */
	private static List<String> partitionsRead(String plan) {
		List<Map<String, Object>> scans = JsonPath.read(plan,
				"$..[?(@['Relation Name'] =~ /^disclosure_event_([0-9]{4}_[0-9]{2}|default)$/)]");
		List<String> read = new ArrayList<>();
		for (Map<String, Object> scan : scans) {
			if (((Number) scan.get("Actual Loops")).longValue() > 0) {
				read.add((String) scan.get("Relation Name"));
			}
		}
		return read.stream().distinct().toList();
	}

	private static JdbcTemplate jdbc() {
		return app.getBean(JdbcTemplate.class);
	}

	/**
	 * MockMvc with the application's filters, as {@code @AutoConfigureMockMvc} builds it.
	 */
	private static MockMvc mvc(ConfigurableApplicationContext context) {
		DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context);
		new SpringBootMockMvcBuilderCustomizer((WebApplicationContext) context).customize(builder);
		return builder.apply(springSecurity()).build();
	}

	private static List<String> arguments(Map<String, Object> database) {
		List<String> arguments = new ArrayList<>();
		database.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		arguments.add("--server.port=0");
		return arguments;
	}

	private static DataSource dataSource(Map<String, Object> database,
			nl.schakel.database.DatabaseRoles.Credentials role) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl((String) database.get("spring.flyway.url"));
		dataSource.setUser(role.user());
		dataSource.setPassword(role.password());
		return dataSource;
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
