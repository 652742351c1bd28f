package nl.schakel.benchmark;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import nl.schakel.SchakelApplication;
import nl.schakel.crypto.BlindIndex;
import nl.schakel.crypto.FieldCipher;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The national-scale benchmarks (docs/benchmarks.md: data set, log verification, gate
 * overhead, disclosure-log write rate, auditor search) in one program against one
 * in-process application (local profile, embedded PostgreSQL in a fresh temporary
 * directory):
 * <ol>
 * <li>generates the data set at {@code -Dbench.scale} (default 0.1 = 10% of national
 * scale) with {@link DataGenerator};</li>
 * <li>seals the whole log into blocks and times a full verify;</li>
 * <li>case page reads through the gate ({@code GET /api/v1/cases/{id}}, user ggz, purpose
 * CASE_CONSULTATION, 20 contributions) against {@link BaselineCaseRead} at 16 and 64
 * closed-loop clients, alternating, repeated;</li>
 * <li>the rate of gate reads (each logs 21 disclosure rows + Envers rows) against pgbench
 * inserting the same rows in one transaction per read, same client count, same server,
 * and the log's own writer ({@code Disclosures}) against the same pgbench;</li>
 * <li>an incremental verify after the load;</li>
 * <li>the review scan catching up a backlog of {@code -Dbench.reviewBacklog} sealed rows
 * (default 1,000,000);</li>
 * <li>the auditor's search API, first page of each filter.</li>
 * </ol>
 * Prints figures; asserts nothing. System properties: bench.scale, bench.readCases,
 * bench.repeats, bench.warmupSeconds, bench.seconds, bench.clients (comma list),
 * bench.phases, bench.rates (comma list of constant rates for an open-loop run; none by
 * default), bench.jitWarmupSeconds (unmeasured load on both read paths first, default
 * 20), bench.dataDir (reuse an earlier run's data directory; leave "generate" out of
 * bench.phases), bench.accounts (the load clients read as this many professionals of
 * ggz-midden, client k as {@code ggz~(k mod accounts)}; default 1: all as {@code ggz}),
 * bench.reviewBacklog, bench.reviewRescan (scan the backlog again on a data set scanned
 * before), bench.springArgs (more application arguments, separated by |).
 */
public final class NationalScaleBenchmark {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final List<String> SUMMARY = new ArrayList<>();

	private NationalScaleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		double scale = Double.parseDouble(System.getProperty("bench.scale", "0.1"));
		int readCases = Integer.getInteger("bench.readCases", 500);
		int repeats = Integer.getInteger("bench.repeats", 3);
		int warmup = Integer.getInteger("bench.warmupSeconds", 5);
		int seconds = Integer.getInteger("bench.seconds", 15);
		int[] clientCounts = Arrays.stream(System.getProperty("bench.clients", "16,64").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		String phases = System.getProperty("bench.phases", "generate,seal,read,log,review,audit");
		// bench.dataDir: the data directory of an earlier run (printed at its start) to
		// run the
		// other phases on its data set again without generating it anew (leave out
		// "generate")
		String reuse = System.getProperty("bench.dataDir", "");
		Path data = reuse.isBlank() ? Files.createTempDirectory("schakel-bench") : Path.of(reuse);
		System.out.println("[bench] data directory " + data + ", scale " + scale + ", read cases " + readCases
				+ ", load clients read as " + ACCOUNTS + " professional(s) of ggz-midden");

		long[] ready = new long[1];
		long startNanos = System.nanoTime();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(SchakelApplication.class).profiles("local")
			.initializers((context) -> {
				GenericApplicationContext generic = (GenericApplicationContext) context;
				generic.getBeanFactory().addBeanPostProcessor(CachingPasswordEncoder.postProcessor());
				generic.getBeanFactory().addBeanPostProcessor(BenchAccounts.postProcessor());
				generic.registerBean("benchBaselineRoute", RouterFunction.class, () -> BaselineCaseRead
					.route(generic.getBean(DataSource.class), generic.getBean(FieldCipher.class)));
				generic.registerBean("benchSameStackBaselineRoute", RouterFunction.class,
						() -> SameStackBaseline.route(generic));
			})
			.listeners((ApplicationListener<ApplicationReadyEvent>) (event) -> ready[0] = System.nanoTime())
			.run(springArgs(data));
		summary("start-up, fresh data dir, in-process (first JVM start): %.1f s", (ready[0] - startNanos) / 1e9);
		String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
		DataSource dataSource = app.getBean(DataSource.class);
		String jdbcUrl = ((HikariDataSource) dataSource).getJdbcUrl();
		URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
		System.out.println("[bench] app at " + base + ", database " + jdbcUrl);

		DataGenerator generator = new DataGenerator(dataSource, app.getBean(FieldCipher.class),
				app.getBean(BlindIndex.class));
		if (phases.contains("generate")) {
			// the generated log spans five years: its months exist before it is loaded,
			// as the migration made them for a log that had grown over the years
			try (Connection owner = DriverManager.getConnection(
					"jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + server.getPath(), "postgres",
					superuserPassword(data)); Statement s = owner.createStatement()) {
				s.execute("select disclosure_event_create_month(m::date) from generate_series(date_trunc('month', "
						+ "now() - interval '61 months'), now(), interval '1 month') m");
			}
			catch (Exception ex) {
				summary("months of the generated log: not made as superuser postgres (%s)", ex.getMessage());
			}
			generator.generate(scale, readCases);
			SUMMARY.addAll(generator.lines.stream().map((l) -> "generate " + l).toList());
			long analyze = System.nanoTime();
			try (Connection owner = DriverManager.getConnection(
					"jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + server.getPath(), "postgres",
					superuserPassword(data)); Statement s = owner.createStatement()) {
				s.execute("analyze");
				summary("analyze after generation: %.1f s", (System.nanoTime() - analyze) / 1e9);
			}
			catch (Exception ex) {
				summary("analyze: not possible as superuser postgres (%s)", ex.getMessage());
			}
		}
		else {
			generator.loadGenerated();
			SUMMARY.addAll(generator.lines);
		}
		List<UUID> readIds = generator.caseIds.subList(0, Math.min(readCases, generator.caseIds.size()));

		if (phases.contains("seal")) {
			seal(app, "seal the generated log");
			verify(base, false, "full verify after generation");
			verify(base, false, "full verify after generation (2)");
		}

		if (phases.contains("read") && !readIds.isEmpty()) {
			String sample = get(base + "/api/v1/cases/" + readIds.get(0), "ggz", "CASE_CONSULTATION").body();
			System.out.println("[read] sample gate response (" + sample.length() + " chars): "
					+ sample.substring(0, Math.min(400, sample.length())));
			summary("gate sample: %d timeline entries, %d with content (PERMIT) for ggz/CASE_CONSULTATION",
					count(sample, "\"itemId\"") + count(sample, "\"id\":\"", 0), count(sample, "\"content\":\""));
			String baseline = get(base + "/api/v1/bench-baseline/cases/" + readIds.get(0), "ggz", "CASE_CONSULTATION")
				.body();
			System.out.println("[read] sample baseline response (" + baseline.length() + " chars)");
			// both paths compiled by the JIT before anything is measured: otherwise the
			// first
			// measured path pays for its warm-up and the ratio is understated
			int jit = Integer.getInteger("bench.jitWarmupSeconds", 20);
			load(base + "/api/v1/cases/", readIds, 8, jit, 0, "ggz", "CASE_CONSULTATION");
			load(base + "/api/v1/bench-baseline/cases/", readIds, 8, jit, 0, "ggz", "CASE_CONSULTATION");
			load(base + STACK, readIds, 8, jit, 0, "ggz", "CASE_CONSULTATION");
			for (String target : System.getProperty("bench.rates", "").split(",")) {
				if (target.isBlank()) {
					continue;
				}
				double rate = Double.parseDouble(target.trim());
				for (int r = 0; r < repeats; r++) {
					Load g = load(base + "/api/v1/cases/", readIds, 64, rate, warmup, seconds, "ggz",
							"CASE_CONSULTATION");
					Load st = load(base + STACK, readIds, 64, rate, warmup, seconds, "ggz", "CASE_CONSULTATION");
					Load b = load(base + "/api/v1/bench-baseline/cases/", readIds, 64, rate, warmup, seconds, "ggz",
							"CASE_CONSULTATION");
					System.out.printf(Locale.ROOT, "[read] constant %.0f/s run %d: gate %s | same-stack %s | jdbc %s%n",
							rate, r + 1, g, st, b);
					summary("case read at a constant %.0f req/s (open loop, up to 64 in flight), run %d: gate %s; same-stack baseline %s; JDBC baseline %s",
							rate, r + 1, g, st, b);
				}
			}
			for (int clients : clientCounts) {
				double[] gateRate = new double[repeats];
				double[] baseRate = new double[repeats];
				double[] ratio = new double[repeats];
				double[] stackRate = new double[repeats];
				double[] stackRatio = new double[repeats];
				List<String> gateLat = new ArrayList<>();
				List<String> baseLat = new ArrayList<>();
				List<String> stackLat = new ArrayList<>();
				for (int r = 0; r < repeats; r++) {
					Load g = load(base + "/api/v1/cases/", readIds, clients, warmup, seconds, "ggz",
							"CASE_CONSULTATION");
					Load st = load(base + STACK, readIds, clients, warmup, seconds, "ggz", "CASE_CONSULTATION");
					Load b = load(base + "/api/v1/bench-baseline/cases/", readIds, clients, warmup, seconds, "ggz",
							"CASE_CONSULTATION");
					gateRate[r] = g.rate;
					baseRate[r] = b.rate;
					stackRate[r] = st.rate;
					ratio[r] = g.rate / b.rate;
					stackRatio[r] = g.rate / st.rate;
					gateLat.add(g.latencies());
					baseLat.add(b.latencies());
					stackLat.add(st.latencies());
					System.out.printf(Locale.ROOT,
							"[read] clients=%d run %d: gate %s | same-stack %s | jdbc %s | ratio to same-stack %.2f, to jdbc %.2f%n",
							clients, r + 1, g, st, b, stackRatio[r], ratio[r]);
				}
				summary("case read, %d clients: gate %s req/s; same-stack baseline %s req/s, ratio %s; JDBC baseline %s req/s, ratio %s",
						clients, BenchSupport.spread(gateRate, "%.0f"), BenchSupport.spread(stackRate, "%.0f"),
						BenchSupport.spread(stackRatio, "%.2f"), BenchSupport.spread(baseRate, "%.0f"),
						BenchSupport.spread(ratio, "%.2f"));
				summary("case read, %d clients, gate latency per run: %s", clients, String.join(" ; ", gateLat));
				summary("case read, %d clients, same-stack baseline latency per run: %s", clients,
						String.join(" ; ", stackLat));
				summary("case read, %d clients, JDBC baseline latency per run: %s", clients,
						String.join(" ; ", baseLat));
			}
		}

		if (phases.contains("log") && !readIds.isEmpty()) {
			int clients = clientCounts[0];
			Path script = writePgbenchScript(data, generator);
			double[] gateRate = new double[repeats];
			double[] writerRate = new double[repeats];
			double[] pgRate = new double[repeats];
			double[] ratio = new double[repeats];
			double[] writerRatio = new double[repeats];
			for (int r = 0; r < repeats; r++) {
				Load g = load(base + "/api/v1/cases/", readIds, clients, warmup, seconds, "ggz", "CASE_CONSULTATION");
				gateRate[r] = g.rate;
				// the log's own writer, the code a read runs to log it, without the read
				writerRate[r] = nl.schakel.disclosure.LogWriterLoad.run(app, generator.caseIds.get(0),
						generator.casePersons.get(0), 21, clients, warmup, seconds);
				pgRate[r] = pgbench(server, script, clients, seconds, superuserPassword(data));
				ratio[r] = gateRate[r] / pgRate[r];
				writerRatio[r] = writerRate[r] / pgRate[r];
				System.out.printf(Locale.ROOT,
						"[log] clients=%d run %d: gate reads %.0f/s, log writer %.0f/s, pgbench tx %.0f/s, "
								+ "ratio gate %.2f, writer %.2f%n",
						clients, r + 1, gateRate[r], writerRate[r], pgRate[r], ratio[r], writerRatio[r]);
			}
			summary("disclosure logging, %d clients: gate reads %s /s; pgbench same-rows tx %s /s; ratio %s", clients,
					BenchSupport.spread(gateRate, "%.0f"), BenchSupport.spread(pgRate, "%.0f"),
					BenchSupport.spread(ratio, "%.2f"));
			// the application's clients share its pool; pgbench opens a connection per
			// client
			int pool = app.getBean(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize();
			summary("disclosure log writer alone (an event, 21 items, revision, Envers row; durable), %d clients "
					+ "on a pool of %d: %s /s; pgbench same rows %s /s; ratio %s", clients, pool,
					BenchSupport.spread(writerRate, "%.0f"), BenchSupport.spread(pgRate, "%.0f"),
					BenchSupport.spread(writerRatio, "%.2f"));
		}

		if (phases.contains("seal")) {
			seal(app, "seal the rows written by the load phases");
			verify(base, true, "incremental verify of the blocks sealed after the load phases");
			for (int r = 0; r < 3; r++) {
				load(base + "/api/v1/cases/", readIds, 4, 0, 2, "ggz", "CASE_CONSULTATION");
				seal(app, "seal ~2 s of new reads");
				verify(base, true, "incremental verify after one new sealing round");
			}
		}

		if (phases.contains("review")) {
			reviewBacklog(app, Long.getLong("bench.reviewBacklog", 1_000_000L));
		}

		if (phases.contains("audit") && !generator.caseIds.isEmpty()) {
			Map<String, String> filters = new LinkedHashMap<>();
			filters.put("none", "");
			filters.put("person", "person=" + generator.casePersons.get(12345 % generator.casePersons.size()));
			filters.put("case", "case=" + generator.caseReferences.get(12345 % generator.caseReferences.size()));
			filters.put("actor", "actor=politie");
			filters.put("organisation", "organisation=politie-midden");
			filters.put("purpose", "purpose=MONITORING");
			filters.put("category", "category=HEALTH");
			filters.put("decision", "decision=DENY");
			filters.put("flagged", "flagged=true");
			LocalDate month = LocalDate.now().minusYears(2).withDayOfMonth(1);
			filters.put("period (one month, two years ago)",
					"from=" + month + "&to=" + month.plusMonths(1).minusDays(1));
			filters.put("actor+period", "actor=politie&from=" + month + "&to=" + month.plusMonths(1).minusDays(1));
			filters.put("category+decision", "category=HEALTH&decision=EXISTENCE_ONLY");
			// every filter's query planned, compiled and its index pages read before any
			// is timed
			for (int round = 0; round < 5; round++) {
				for (String query : filters.values()) {
					get(base + "/api/v1/audit/disclosures?" + query, "auditor", "AUDIT");
				}
			}
			for (Map.Entry<String, String> filter : filters.entrySet()) {
				String url = base + "/api/v1/audit/disclosures?" + filter.getValue();
				HttpResponse<String> first = get(url, "auditor", "AUDIT");
				long[] nanos = new long[30];
				for (int i = 0; i < 3; i++) {
					get(url, "auditor", "AUDIT");
				}
				for (int i = 0; i < nanos.length; i++) {
					long t = System.nanoTime();
					get(url, "auditor", "AUDIT");
					nanos[i] = System.nanoTime() - t;
				}
				Arrays.sort(nanos);
				summary("audit search first page, filter %s: HTTP %d, %d entries; p50 %.1f ms, p95 %.1f ms, max %.1f ms (n=30, sequential)",
						filter.getKey(), first.statusCode(), count(first.body(), "\"occurredAt\""),
						BenchSupport.percentileMs(nanos, 50), BenchSupport.percentileMs(nanos, 95),
						BenchSupport.percentileMs(nanos, 100));
				if (first.statusCode() != 200) {
					System.out.println("[audit] " + first.body());
				}
			}
		}

		System.out.println();
		System.out.println("===== SUMMARY (scale " + scale + ") =====");
		SUMMARY.forEach(System.out::println);
		app.close();
		System.exit(0);
	}

	/**
	 * The fixed arguments, plus any from {@code -Dbench.springArgs} (separated by
	 * {@code |}).
	 */
	private static String[] springArgs(Path data) {
		List<String> args = new ArrayList<>(List.of("--server.port=0",
				"--schakel.database.embedded.directory=" + data.resolve("postgres"),
				"--schakel.crypto.keyset-directory=" + data.resolve("keys"), "--schakel.audit.jobs-enabled=false",
				"--schakel.audit.seal-lag=PT0S", "--logging.level.root=WARN"));
		String extra = System.getProperty("bench.springArgs", "");
		if (!extra.isBlank()) {
			args.addAll(List.of(extra.split("\\|")));
		}
		return args.toArray(String[]::new);
	}

	/**
	 * The review scan catching up a backlog: everything is sealed, the scan's checkpoint
	 * is put this many sealed rows before the head (rows it has not scanned: the
	 * benchmark's application runs no jobs), and the scan runs as its job would until it
	 * has nothing left.
	 */
	private static void reviewBacklog(ConfigurableApplicationContext app, long backlog) throws Exception {
		seal(app, "seal before the review scan");
		org.springframework.jdbc.core.JdbcTemplate jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
		long sealedTo = jdbc.queryForObject("select coalesce(max(to_seq), 0) from disclosure_block", Long.class);
		long scanned = jdbc.queryForObject("select last_seq from review_scan where id = 1", Long.class);
		// rows scanned already are not scanned again, unless asked (a repeat on the same
		// data)
		long from = Boolean.getBoolean("bench.reviewRescan") ? Math.max(0, sealedTo - backlog)
				: Math.max(scanned, sealedTo - backlog);
		long rows = jdbc.queryForObject("""
				select (select count(*) from disclosure_row where seq > ? and seq <= ?)
				     + (select count(*) from disclosure_event_item where seq > ? and seq <= ?)""", Long.class, from,
				sealedTo, from, sealedTo);
		long itemsBefore = jdbc.queryForObject("select count(*) from review_item", Long.class);
		jdbc.update("update review_scan set last_seq = ? where id = 1", from);
		Object scanner = app.getBean(Class.forName("nl.schakel.audit.ReviewScanner"));
		Method scanSealed = scanner.getClass().getDeclaredMethod("scanSealed");
		scanSealed.setAccessible(true);
		long start = System.nanoTime();
		scanSealed.invoke(scanner);
		double s = (System.nanoTime() - start) / 1e9;
		long reached = jdbc.queryForObject("select last_seq from review_scan where id = 1", Long.class);
		long created = jdbc.queryForObject("select count(*) from review_item", Long.class) - itemsBefore;
		summary("review scan catching up %,d sealed rows (seq %d to %d): %.1f s, %,.0f rows/s, %d review items; "
				+ "checkpoint at the head: %s", rows, from + 1, sealedTo, s, rows / s, created, reached == sealedTo);
	}

	private static void seal(ConfigurableApplicationContext app, String what) throws Exception {
		Object sealer = app.getBean(Class.forName("nl.schakel.audit.LogSealer"));
		Method sealSettled = sealer.getClass().getDeclaredMethod("sealSettled");
		sealSettled.setAccessible(true);
		long start = System.nanoTime();
		int blocks = 0;
		while (true) {
			List<?> heads = (List<?>) sealSettled.invoke(sealer);
			if (heads == null || heads.isEmpty()) {
				break;
			}
			blocks += heads.size();
		}
		summary("%s: %d blocks in %.1f s", what, blocks, (System.nanoTime() - start) / 1e9);
	}

	private static void verify(String base, boolean incremental, String what) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/verification"))
				.header("Authorization", basic("auditor"))
				.header("X-Purpose", "AUDIT")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"incremental\": " + incremental + "}"))
				.timeout(Duration.ofMinutes(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		double s = (System.nanoTime() - start) / 1e9;
		String body = response.body();
		summary("%s: HTTP %d in %.2f s: %s", what, response.statusCode(), s,
				body.substring(0, Math.min(300, body.length())).replace('\n', ' '));
	}

	private static Path writePgbenchScript(Path dir, DataGenerator generator) throws Exception {
		UUID caseId = generator.caseIds.get(0);
		UUID person = generator.casePersons.get(0);
		String script = """
				BEGIN;
				INSERT INTO revision (revision_time, actor, organisation, purpose, request_id, policy_version)
				  VALUES ((extract(epoch from clock_timestamp()) * 1000)::bigint, 'ggz', 'ggz-midden', 'CASE_CONSULTATION', 'pgbench', 'bench.1');
				WITH e AS (INSERT INTO disclosure_event (id, occurred_at, actor, actor_organisation, case_id, person_id, purpose, policy_version, channel, request_id)
				  VALUES ((lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid, now(), 'ggz', 'ggz-midden', '%1$s', '%2$s', 'CASE_CONSULTATION', 'bench.1', 'API', 'pgbench') RETURNING id, occurred_at)
				INSERT INTO disclosure_event_item (id, event_id, occurred_at, actor_role, item_kind, item_id, category, legal_basis, rule_id, decision, flagged)
				  SELECT (lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid, e.id, e.occurred_at, 'care-professional', CASE WHEN g = 1 THEN 'CASE' ELSE 'CONTRIBUTION' END, gen_random_uuid(), 'HEALTH', 'STATUTORY', 'participant-reads', 'PERMIT', false FROM e, generate_series(1, 21) g;
				INSERT INTO disclosure_aud (id, rev, revtype)
				  VALUES (gen_random_uuid(), currval(pg_get_serial_sequence('revision', 'id')), 0);
				COMMIT;
				"""
			.formatted(caseId, person);
		Path file = dir.resolve("disclosure-insert.sql");
		Files.writeString(file, script);
		return file;
	}

	private static double pgbench(URI server, Path script, int clients, int seconds, String password) throws Exception {
		String database = server.getPath().substring(1);
		ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-h", server.getHost(), "-p",
				String.valueOf(server.getPort()), "-U", "postgres", "-c", String.valueOf(clients), "-j", "2", "-T",
				String.valueOf(seconds), "-f", script.toString(), database)
			.redirectErrorStream(true)
			// the embedded database asks every connection for its password: without it
			// pgbench would wait for one typed at a terminal that is not there
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		builder.environment().put("PGPASSWORD", password);
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		for (String line : out.split("\n")) {
			if (line.startsWith("tps = ")) {
				return Double.parseDouble(line.substring(6).split(" ")[0]);
			}
		}
		System.out.println("[log] pgbench output: " + out);
		return Double.NaN;
	}

	// the embedded database demands passwords: the superuser's is kept next to its data
	// (none stored: an external database, or one that still trusts local connections)
	private static String superuserPassword(Path data) {
		java.util.Properties passwords = new java.util.Properties();
		try (var reader = Files.newBufferedReader(data.resolve("postgres.credentials"))) {
			passwords.load(reader);
		}
		catch (Exception ex) {
			return "";
		}
		return passwords.getProperty("postgres", "");
	}

	private static final String STACK = "/api/v1/bench-baseline-stack/cases/";

	record Load(double rate, long[] sorted, long errors, long count) {

		String latencies() {
			return String.format(Locale.ROOT, "p50 %.1f / p95 %.1f / p99 %.1f ms",
					BenchSupport.percentileMs(this.sorted, 50), BenchSupport.percentileMs(this.sorted, 95),
					BenchSupport.percentileMs(this.sorted, 99));
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%.0f req/s (%d ok, %d errors) %s", this.rate, this.count, this.errors,
					latencies());
		}
	}

	/** How many professionals the load clients read as (see {@link BenchAccounts}). */
	static final int ACCOUNTS = Integer.getInteger("bench.accounts", 1);

	/**
	 * Closed loop: each client sends its next request when the previous one answered, for
	 * {@code warmup} + {@code seconds}; only answers completed in the measured window
	 * count.
	 */
	static Load load(String prefix, List<UUID> ids, int clients, int warmup, int seconds, String user, String purpose)
			throws Exception {
		return load(prefix, ids, clients, 0, warmup, seconds, user, purpose);
	}

	/**
	 * With {@code rate} > 0, open loop at a constant rate (as wrk2 does): request
	 * {@code k} is due at {@code start + k / rate}, the clients take the due times in
	 * turn, and a latency counts from the due time, not from when a client got round to
	 * sending. A server that falls behind shows it in the latencies instead of slowing
	 * the clients down (no coordinated omission). With {@code rate} = 0, closed loop.
	 */
	static Load load(String prefix, List<UUID> ids, int clients, double rate, int warmup, int seconds, String user,
			String purpose) throws Exception {
		long start = System.nanoTime();
		long measureFrom = start + warmup * 1_000_000_000L;
		java.util.concurrent.atomic.AtomicLong nextSlot = new java.util.concurrent.atomic.AtomicLong();
		long end = measureFrom + seconds * 1_000_000_000L;
		long[][] latencies = new long[clients][];
		int[] counts = new int[clients];
		AtomicLong errors = new AtomicLong();
		Thread[] threads = new Thread[clients];
		for (int c = 0; c < clients; c++) {
			int client = c;
			String account = BenchAccounts.account(user, client, ACCOUNTS);
			threads[c] = new Thread(() -> {
				SplittableRandom random = new SplittableRandom(client);
				long[] mine = new long[1 << 16];
				int n = 0;
				while (true) {
					long t = System.nanoTime();
					if (rate > 0) {
						long due = start + (long) (nextSlot.getAndIncrement() * 1e9 / rate);
						if (due >= end) {
							break;
						}
						if (due > t) {
							java.util.concurrent.locks.LockSupport.parkNanos(due - t);
						}
						t = due;
					}
					if (t >= end) {
						break;
					}
					UUID id = ids.get(random.nextInt(ids.size()));
					int status;
					try {
						status = get(prefix + id, account, purpose).statusCode();
					}
					catch (Exception ex) {
						status = -1;
					}
					long done = System.nanoTime();
					if (t >= measureFrom && done <= end) {
						if (status == 200) {
							if (n == mine.length) {
								mine = Arrays.copyOf(mine, n * 2);
							}
							mine[n++] = done - t;
						}
						else {
							errors.incrementAndGet();
						}
					}
				}
				latencies[client] = mine;
				counts[client] = n;
			});
			threads[c].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(latencies[c], 0, all, at, counts[c]);
			at += counts[c];
		}
		Arrays.sort(all);
		long wallEnd = System.currentTimeMillis();
		// the measured window in wall-clock time, to line a profile's samples up with it
		System.out.printf(Locale.ROOT, "[load] %s %d..%d ms since the epoch, %d answers%n", prefix,
				wallEnd - (System.nanoTime() - measureFrom) / 1_000_000,
				wallEnd - (System.nanoTime() - end) / 1_000_000, total);
		return new Load(total / (double) seconds, all, errors.get(), total);
	}

	static HttpResponse<String> get(String url, String user, String purpose) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", basic(user))
			.header("X-Purpose", purpose)
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	private static int count(String text, String needle) {
		return count(text, needle, 0);
	}

	private static int count(String text, String needle, int unused) {
		int n = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
			n++;
		}
		return n;
	}

	private static void summary(String format, Object... args) {
		String line = String.format(Locale.ROOT, format, args);
		SUMMARY.add(line);
		System.out.println("[bench] " + line);
	}

}
