package nl.schakel.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.schakel.database.DatabaseRoles;

/**
 * The gated case read with one and with two instances of the packaged jar on one durable
 * PostgreSQL (fsync and synchronous_commit on), behind Debian's nginx as in
 * {@code .ci/two-instances-drill.sh}. Both runs use the several-instances profile
 * (sessions in PostgreSQL, shared limits), so only the number of instances differs;
 * {@code clients} threads each read the same triaged case as its coordinator over the API
 * ({@code GET /api/v1/cases/{id}}, one disclosure event and its rows per read, plus the
 * shared limits' bucket writes). Prints req/s, p50 and p95, the CPU split between the
 * JVMs, PostgreSQL and nginx over the measured window, and PostgreSQL's busiest
 * statements (pg_stat_statements when the binaries have it). Loopback ports 18154
 * (PostgreSQL), 18181/18182 (instances), 18190 (nginx). Packages the jar first when it is
 * missing.
 *
 * <pre>
 * .ci/bench-run.sh nl.schakel.benchmark.InstancesBenchmark
 * JAVA_OPTS="-Dbench.clients=16 -Dbench.seconds=30 -Dbench.warmup=15" .ci/bench-run.sh nl.schakel.benchmark.InstancesBenchmark
 * </pre>
 */
public final class InstancesBenchmark {

	static final int PG_PORT = 18154;

	static final int[] APP_PORTS = { 18181, 18182 };

	static final int PROXY_PORT = 18190;

	static final DatabaseRoles.Credentials OWNER = new DatabaseRoles.Credentials("schakel_owner", "bench-owner");

	static final DatabaseRoles.Credentials APP = new DatabaseRoles.Credentials("schakel_app", "bench-app");

	private static final long TICKS_PER_SECOND = 100;

	private InstancesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int clients = Integer.getInteger("bench.clients", 16);
		int seconds = Integer.getInteger("bench.seconds", 30);
		int warmup = Integer.getInteger("bench.warmup", 15);
		Path jar = Path.of("backend/target/schakel.jar").toAbsolutePath();
		if (!Files.exists(jar)) {
			System.out.println("[instances] packaging the application (" + jar + " is missing)");
			run(new ProcessBuilder("./mvnw", "-B", "-q", "-pl", "backend", "-am", "package", "-DskipTests"));
		}
		Path work = Files.createTempDirectory("schakel-instances-bench");
		System.out.printf(Locale.ROOT, "[instances] %d clients, %d s warm-up, %d s measured, %d cores, work in %s%n",
				clients, warmup, seconds, Runtime.getRuntime().availableProcessors(), work);
		EmbeddedPostgres postgres = startPostgres(work);
		List<Process> processes = new ArrayList<>();
		try {
			DatabaseRoles.ensure(postgres.getPostgresDatabase(), "schakel", OWNER, APP);
			boolean statements = enableStatements(postgres);
			Process a = startInstance(jar, work, APP_PORTS[0], "a");
			processes.add(a);
			waitUntilUp(APP_PORTS[0], a);
			String caseId = prepareCase("http://localhost:" + APP_PORTS[0]);
			Map<String, Result> results = new LinkedHashMap<>();

			Process nginx = startNginx(work, 1);
			processes.add(nginx);
			waitUntilUp(PROXY_PORT, nginx);
			results.put("1 instance", measure(postgres, work.resolve("pg").resolve("postmaster.pid"), statements,
					caseId, clients, warmup, seconds, processes));
			stop(nginx);
			processes.remove(nginx);

			Process b = startInstance(jar, work, APP_PORTS[1], "b");
			processes.add(b);
			waitUntilUp(APP_PORTS[1], b);
			nginx = startNginx(work, 2);
			processes.add(nginx);
			waitUntilUp(PROXY_PORT, nginx);
			results.put("2 instances", measure(postgres, work.resolve("pg").resolve("postmaster.pid"), statements,
					caseId, clients, warmup, seconds, processes));

			System.out.println();
			System.out.println("[instances] gated case read (GET /api/v1/cases/{id}), " + clients
					+ " clients through nginx, durable PostgreSQL");
			results.forEach((name, result) -> System.out.printf(Locale.ROOT,
					"[instances] %-11s %7.1f req/s  p50 %6.1f ms  p95 %6.1f ms  errors %d  CPU (100 %% = one core of %d): JVMs %4.0f %%, PostgreSQL %4.0f %%, nginx %3.0f %%, machine idle %4.0f %%%n",
					name, result.perSecond(), result.p50(), result.p95(), result.errors(),
					Runtime.getRuntime().availableProcessors(), result.jvmCpu(), result.postgresCpu(),
					result.nginxCpu(), result.idle()));
		}
		finally {
			for (Process process : processes) {
				stop(process);
			}
			postgres.close();
		}
	}

	private static EmbeddedPostgres startPostgres(Path work) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(work.resolve("pg"))
			.setCleanDataDirectory(true)
			.setPort(PG_PORT)
			.setServerConfig("listen_addresses", "localhost")
			// durable as in production: the builder's defaults (-F, synchronous_commit
			// off)
			// would flatter every write
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "60")
			.setPGStartupWait(Duration.ofSeconds(120));
		try {
			return builder.setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
		}
		catch (IOException | RuntimeException ex) {
			System.out.println("[instances] PostgreSQL without pg_stat_statements (" + ex.getMessage() + ")");
			return EmbeddedPostgres.builder()
				.setDataDirectory(work.resolve("pg"))
				.setCleanDataDirectory(true)
				.setPort(PG_PORT)
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("max_connections", "60")
				.setPGStartupWait(Duration.ofSeconds(120))
				.start();
		}
	}

	private static boolean enableStatements(EmbeddedPostgres postgres) {
		try (Connection c = postgres.getDatabase("postgres", "schakel").getConnection();
				Statement s = c.createStatement()) {
			s.execute("create extension if not exists pg_stat_statements");
			return true;
		}
		catch (Exception ex) {
			System.out.println("[instances] no pg_stat_statements: " + ex.getMessage());
			return false;
		}
	}

	private static Process startInstance(Path jar, Path work, int port, String name) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String url = "jdbc:postgresql://localhost:" + PG_PORT + "/schakel";
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-jar", jar.toString(), "--server.port=" + port,
				"--spring.profiles.active=local,several-instances", "--schakel.database.embedded.enabled=false",
				"--schakel.demo-data.enabled=false", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + APP.user(), "--spring.datasource.password=" + APP.password(),
				"--spring.flyway.url=" + url, "--spring.flyway.user=" + OWNER.user(),
				"--spring.flyway.password=" + OWNER.password(),
				"--schakel.crypto.keyset-directory=" + work.resolve("keys"),
				"--logging.file.name=" + work.resolve("app-" + name + ".log"))
			.directory(Files.createDirectories(work.resolve("app")).toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("app-" + name + "-console.log").toFile());
		System.out.println("[instances] starting instance " + name + " on " + port);
		return builder.start();
	}

	private static Process startNginx(Path work, int instances) throws IOException {
		Path dir = Files.createDirectories(work.resolve("nginx"));
		Files.createDirectories(dir.resolve("logs"));
		Files.createDirectories(dir.resolve("tmp"));
		StringBuilder upstream = new StringBuilder();
		for (int i = 0; i < instances; i++) {
			upstream.append("    server 127.0.0.1:").append(APP_PORTS[i]).append(";\n");
		}
		String conf = """
				worker_processes 1;
				daemon off;
				pid %1$s/nginx.pid;
				error_log %1$s/logs/error.log warn;
				events { worker_connections 1024; }
				http {
				  access_log off;
				  client_body_temp_path %1$s/tmp/body;
				  proxy_temp_path %1$s/tmp/proxy;
				  fastcgi_temp_path %1$s/tmp/fastcgi;
				  uwsgi_temp_path %1$s/tmp/uwsgi;
				  scgi_temp_path %1$s/tmp/scgi;
				  upstream schakel {
				%2$s    keepalive 32;
				  }
				  server {
				    listen 127.0.0.1:%3$d;
				    location / {
				      proxy_pass http://schakel;
				      proxy_http_version 1.1;
				      proxy_set_header Connection "";
				      proxy_read_timeout 60s;
				    }
				  }
				}
				""".formatted(dir, upstream, PROXY_PORT);
		Files.writeString(dir.resolve("nginx.conf"), conf);
		String nginx = Files.exists(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
		return new ProcessBuilder(nginx, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("console.log").toFile())
			.start();
	}

	private static void waitUntilUp(int port, Process process) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the process for port " + port + " exited");
			}
			try {
				HttpResponse<String> health = client.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("nothing UP on " + port);
	}

	/** A triaged case with GGZ admitted and a contribution, read by its coordinator. */
	private static String prepareCase(String base) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String created = call(client, base, "coordinator", "TRIAGE", "POST", "/api/v1/cases", """
				{"person": {"name": "Bench Persoon", "dateOfBirth": "1985-03-14"}, "caseType": "RADICALISATION"}""");
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created);
		if (!id.find()) {
			throw new IllegalStateException("no case id in " + created);
		}
		String caseId = id.group(1);
		call(client, base, "coordinator", "TRIAGE", "POST", "/api/v1/cases/" + caseId + "/status",
				"{\"status\": \"TRIAGE\"}");
		call(client, base, "coordinator", "TRIAGE", "POST", "/api/v1/cases/" + caseId + "/triage",
				"{\"outcome\": \"ACCEPTED\"}");
		call(client, base, "coordinator", "TRIAGE", "POST", "/api/v1/cases/" + caseId + "/participants",
				"{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\", \"TRIAGE\"]}");
		return caseId;
	}

	private static String call(HttpClient client, String base, String user, String purpose, String method, String path,
			String body) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", basic(user))
			.header("X-Purpose", purpose)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	private static Result measure(EmbeddedPostgres postgres, Path postmasterPid, boolean statements, String caseId,
			int clients, int warmup, int seconds, List<Process> processes) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest read = HttpRequest
			.newBuilder(URI.create("http://localhost:" + PROXY_PORT + "/api/v1/cases/" + caseId))
			.header("Authorization", basic("coordinator"))
			.header("X-Purpose", "TRIAGE")
			.timeout(Duration.ofSeconds(60))
			.build();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicBoolean measuring = new AtomicBoolean(false);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicLong errors = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Thread thread = new Thread(() -> {
				while (running.get()) {
					long start = System.nanoTime();
					int status;
					try {
						status = client.send(read, HttpResponse.BodyHandlers.discarding()).statusCode();
					}
					catch (Exception ex) {
						status = -1;
					}
					if (measuring.get()) {
						if (status == 200) {
							latencies.add(System.nanoTime() - start);
						}
						else {
							errors.incrementAndGet();
						}
					}
				}
			});
			thread.start();
			threads.add(thread);
		}
		Thread.sleep(warmup * 1000L);
		if (statements) {
			sql(postgres, "select pg_stat_statements_reset()");
		}
		Map<String, Long> cpuBefore = cpu(processes, postmasterPid);
		long idleBefore = idleTicks();
		long start = System.nanoTime();
		measuring.set(true);
		Thread.sleep(seconds * 1000L);
		measuring.set(false);
		double elapsed = (System.nanoTime() - start) / 1e9;
		Map<String, Long> cpuAfter = cpu(processes, postmasterPid);
		long idleAfter = idleTicks();
		running.set(false);
		for (Thread thread : threads) {
			thread.join(70_000);
		}
		if (statements) {
			System.out.println("[instances] PostgreSQL's busiest statements in the window:");
			sql(postgres,
					"""
							select round(total_exec_time::numeric, 0) || ' ms, ' || calls || ' calls: ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
							from pg_stat_statements order by total_exec_time desc limit 6""");
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		double window = elapsed * TICKS_PER_SECOND;
		return new Result(sorted.length / elapsed, BenchSupport.percentileMs(sorted, 50),
				BenchSupport.percentileMs(sorted, 95), errors.get(),
				100 * (cpuAfter.get("java") - cpuBefore.get("java")) / window,
				100 * (cpuAfter.get("postgres") - cpuBefore.get("postgres")) / window,
				100 * (cpuAfter.get("nginx") - cpuBefore.get("nginx")) / window,
				100 * (idleAfter - idleBefore) / window);
	}

	private static void sql(EmbeddedPostgres postgres, String query) {
		try (Connection c = postgres.getDatabase("postgres", "schakel").getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(query)) {
			while (rs.next()) {
				String line = rs.getString(1);
				if (line != null && !line.isBlank()) {
					System.out.println("[instances]   " + line);
				}
			}
		}
		catch (Exception ex) {
			System.out.println("[instances] " + ex.getMessage());
		}
	}

	/**
	 * CPU ticks (user + system) of the instances' JVMs, of every PostgreSQL process and
	 * of nginx, from /proc.
	 */
	private static Map<String, Long> cpu(List<Process> processes, Path postmasterPid) throws IOException {
		Map<String, Long> ticks = new LinkedHashMap<>(Map.of("java", 0L, "postgres", 0L, "nginx", 0L));
		List<Long> ours = new ArrayList<>(processes.stream().map(Process::pid).toList());
		// other PostgreSQL servers on the machine are not ours: only this cluster's
		// postmaster and its children count
		ours.add(Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim()));
		try (var proc = Files.list(Path.of("/proc"))) {
			for (Path dir : proc.filter((p) -> p.getFileName().toString().matches("\\d+")).toList()) {
				String stat;
				try {
					stat = Files.readString(dir.resolve("stat"));
				}
				catch (IOException gone) {
					continue;
				}
				String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				long pid = Long.parseLong(dir.getFileName().toString());
				long parent = Long.parseLong(fields[1]);
				if (!ours.contains(pid) && !ours.contains(parent)) {
					continue;
				}
				if (command.equals("postgres")) {
					ticks.merge("postgres", used, Long::sum);
				}
				else if (command.startsWith("nginx")) {
					ticks.merge("nginx", used, Long::sum);
				}
				else if (command.equals("java")) {
					ticks.merge("java", used, Long::sum);
				}
			}
		}
		return ticks;
	}

	private static long idleTicks() throws IOException {
		String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
		return Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
	}

	private static void run(ProcessBuilder builder) throws Exception {
		int exit = builder.inheritIO().start().waitFor();
		if (exit != 0) {
			throw new IllegalStateException(String.join(" ", builder.command()) + " exited with " + exit);
		}
	}

	private static void stop(Process process) {
		process.destroy();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Result(double perSecond, double p50, double p95, long errors, double jvmCpu, double postgresCpu,
			double nginxCpu, double idle) {

	}

}
