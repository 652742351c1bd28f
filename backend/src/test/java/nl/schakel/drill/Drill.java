package nl.schakel.drill;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver and the checker of the reliability drills: crash consistency under kill
 * -9 and recovery from a database outage (see docs/reliability.md and .ci/crash-drill.sh,
 * .ci/outage-drill.sh). One file, the JDK and the PostgreSQL JDBC driver only, so the
 * drills need no test classpath: .ci/drills/lib.sh compiles this file on its own and runs
 * it. It lives in the test tree so that the normal build compiles it too (a change that
 * breaks it fails there, not in a drill); no test runner picks it up, since its name is
 * no test's.
 *
 * <pre>
 * java -cp classes:postgresql.jar nl.schakel.drill.Drill setup-db JDBC_URL   roles and database as compose/init-roles.sh
 * ... Drill load BASE_URL JOURNAL STOP_FILE THREADS SEED     mixed load until STOP_FILE exists
 * ... Drill check JDBC_URL JOURNAL                           acknowledged writes, disclosure rows, Envers
 * ... Drill verify-log BASE_URL                              waits for the sealer, verifies the sealed log
 * ... Drill outage-report JOURNAL DOWN_MS UP_MS MAX_LATENCY_MS RECOVERY_LIMIT_MS
 * ... Drill session-across BASE_URL_A BASE_URL_B                 signs in on A, continues on B
 * ... Drill failover-report JOURNAL KILL_MS GRACE_MS               after one of two instances died
 * </pre>
 *
 * The journal has one line per request, written after the whole response was read:
 * {@code start_ms end_ms status kind request_id user facts...}. A write is acknowledged
 * when its status is 201 (or 200 for a status change); a read "showed content" when its
 * body held a contribution text or the person's name.
 */
public final class Drill {

	static final String OWNER = "schakel_owner";

	static final String APP = "schakel_app";

	static final String DATABASE = "schakel";

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "setup-db" -> setupDatabase(args[1]);
			case "load" -> new Load(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]),
					Long.parseLong(args[5]))
				.run();
			case "check" -> System.exit(Check.run(args[1], Path.of(args[2])) ? 0 : 1);
			case "verify-log" -> System.exit(verifyLog(args[1]) ? 0 : 1);
			case "outage-report" -> System.exit(OutageReport.run(Path.of(args[1]), Long.parseLong(args[2]),
					Long.parseLong(args[3]), Long.parseLong(args[4]), Long.parseLong(args[5])) ? 0 : 1);
			case "session-across" -> System.exit(sessionAcross(args[1], args[2]) ? 0 : 1);
			case "failover-report" -> System
				.exit(FailoverReport.run(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3])) ? 0 : 1);
			default -> throw new IllegalArgumentException("unknown mode " + args[0]);
		}
	}

	/**
	 * The owner and app roles and the database, as db-migrations/compose/init-roles.sh
	 * does.
	 */
	static void setupDatabase(String superuserUrl) throws SQLException {
		try (Connection c = DriverManager.getConnection(superuserUrl, "postgres", "");
				Statement s = c.createStatement()) {
			s.execute("create role " + OWNER + " with login password 'drill-owner'");
			s.execute("create role " + APP + " with login password 'drill-app'");
			s.execute("create database " + DATABASE + " owner " + OWNER);
			s.execute("grant connect on database " + DATABASE + " to " + APP);
		}
		try (Connection c = DriverManager.getConnection(superuserUrl.replaceAll("/[^/]*$", "/" + DATABASE), "postgres",
				""); Statement s = c.createStatement()) {
			s.execute("alter schema public owner to " + OWNER);
			s.execute("grant usage on schema public to " + APP);
		}
	}

	/**
	 * Waits until the running application's sealer has sealed the log (the drills run it
	 * every 5 s), then asks the auditor's API to verify every block.
	 */
	static boolean verifyLog(String base) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		Map<?, ?> report = null;
		for (int attempt = 0; attempt < 20; attempt++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/verification"))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:demo".getBytes()))
				.header("X-Purpose", "AUDIT")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"incremental\": false}"))
				.timeout(Duration.ofSeconds(60))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				System.out.println("verify-log: " + response.statusCode() + " " + response.body());
				return false;
			}
			report = (Map<?, ?>) new Json(response.body()).value();
			// the verification itself may leave a row or two of the auditor's own reads
			// unsealed
			if (Long.parseLong(String.valueOf(report.get("unsealedRows"))) <= 2) {
				break;
			}
			Thread.sleep(2000);
		}
		System.out.printf(Locale.ROOT,
				"sealed log: intact=%s, blocks %s..%s, %s rows verified, %s unsealed, problems %s%n",
				report.get("intact"), report.get("fromBlock"), report.get("toBlock"), report.get("rowsChecked"),
				report.get("unsealedRows"), report.get("problems"));
		return "true".equals(String.valueOf(report.get("intact")))
				&& Long.parseLong(String.valueOf(report.get("rowsChecked"))) > 0;
	}

	// ------------------------------------------------------------------------------------------
	// load

	static final class Load {

		static final Pattern MARKER = Pattern.compile("DRILL[0-9a-f]{32}");

		static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		final String base;

		final Path stopFile;

		final int threads;

		final long seed;

		final PrintWriter journal;

		final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();

		final AtomicLong sequence = new AtomicLong();

		final List<SharedCase> shared = new CopyOnWriteArrayList<>();

		final List<String> newCases = new CopyOnWriteArrayList<>();

		final Map<String, String> markers = new ConcurrentHashMap<>();

		final AtomicInteger requests = new AtomicInteger();

		record SharedCase(String id, String consent) {
		}

		Load(String base, Path journal, Path stopFile, int threads, long seed) throws IOException {
			this.base = base;
			this.stopFile = stopFile;
			this.threads = threads;
			this.seed = seed;
			this.journal = new PrintWriter(Files.newBufferedWriter(journal, StandardCharsets.UTF_8));
		}

		void run() throws Exception {
			for (int i = 0; i < 4; i++) {
				this.shared.add(prepareCase());
			}
			System.out.println("drill load: " + this.shared.size() + " cases prepared");
			Files.writeString(Path.of(this.stopFile + ".ready"), "ready\n");
			List<Thread> workers = new ArrayList<>();
			for (int i = 0; i < this.threads; i++) {
				SplittableRandom random = new SplittableRandom(this.seed * 31 + i);
				workers.add(start("api-" + i, () -> apiWorker(random)));
			}
			workers.add(start("ui", () -> uiWorker(new SplittableRandom(this.seed * 17))));
			for (Thread worker : workers) {
				worker.join();
			}
			synchronized (this.journal) {
				this.journal.flush();
			}
			this.journal.close();
			System.out.println("drill load: " + this.requests.get() + " requests sent");
		}

		static Thread start(String name, Runnable work) {
			Thread thread = new Thread(work, name);
			thread.start();
			return thread;
		}

		boolean running() {
			return !Files.exists(this.stopFile);
		}

		/**
		 * A case the workers share: triaged, GGZ and police admitted, GGZ's consent for
		 * the police.
		 */
		SharedCase prepareCase() throws InterruptedException {
			String caseId = until201(
					() -> call("coordinator", "TRIAGE", "POST", "/api/v1/cases", registerBody(), "case"))
				.string("id");
			until(() -> call("coordinator", "TRIAGE", "POST", "/api/v1/cases/" + caseId + "/status",
					"{\"status\": \"TRIAGE\"}", "status " + caseId), 200);
			until(() -> call("coordinator", "TRIAGE", "POST", "/api/v1/cases/" + caseId + "/triage",
					"{\"outcome\": \"ACCEPTED\"}", "triage " + caseId), 200);
			for (String organisation : List.of("ggz-midden", "politie-midden")) {
				until201(() -> call("coordinator", "TRIAGE", "POST", "/api/v1/cases/" + caseId + "/participants",
						"{\"organisation\": \"" + organisation + "\", \"purposes\": [\"CASE_CONSULTATION\"]}",
						"participation"));
			}
			String consent = until201(() -> call("ggz", "CASE_CONSULTATION", "POST",
					"/api/v1/cases/" + caseId + "/consents", consentBody(), "consent"))
				.string("id");
			return new SharedCase(caseId, consent);
		}

		void apiWorker(SplittableRandom random) {
			while (running()) {
				int dice = random.nextInt(100);
				SharedCase target = this.shared.get(random.nextInt(this.shared.size()));
				Result result;
				if (dice < 45) {
					String user = random.nextBoolean() ? "politie" : "ggz";
					result = read(user, target.id());
				}
				else if (dice < 70) {
					String marker = "DRILL" + UUID.randomUUID().toString().replace("-", "");
					result = call("ggz", "CASE_CONSULTATION", "POST", "/api/v1/cases/" + target.id() + "/contributions",
							"""
									{"text": "Drill bijdrage %s: opgenomen geweest, gebruikt medicatie", "category": "HEALTH",
									 "legalBasis": "CONSENT", "consentId": "%s", "audienceOrganisations": ["politie-midden"]}"""
								.formatted(marker, target.consent()),
							"contribution");
					if (result.status() == 201) {
						this.markers.put(marker, result.string("id"));
					}
				}
				else if (dice < 80) {
					result = call("ggz", "CASE_CONSULTATION", "POST", "/api/v1/cases/" + target.id() + "/consents",
							consentBody(), "consent");
				}
				else if (dice < 92 || this.newCases.isEmpty()) {
					result = call("coordinator", "TRIAGE", "POST", "/api/v1/cases", registerBody(), "case");
					if (result.status() == 201) {
						this.newCases.add(result.string("id"));
					}
				}
				else {
					String caseId = this.newCases.remove(random.nextInt(this.newCases.size()));
					result = call("coordinator", "TRIAGE", "POST", "/api/v1/cases/" + caseId + "/status",
							"{\"status\": \"TRIAGE\"}", "status " + caseId);
				}
				pause(result);
			}
		}

		/**
		 * A professional in the browser: signs in, chooses the purpose, opens case pages.
		 */
		void uiWorker(SplittableRandom random) {
			HttpClient browser = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(2))
				.cookieHandler(new CookieManager())
				.build();
			String csrf = null;
			while (running()) {
				SharedCase target = this.shared.get(random.nextInt(this.shared.size()));
				Result result;
				if (csrf == null) {
					result = page(browser, "GET", "/login", null, "ui-login-form");
					if (result.status() == 200) {
						csrf = csrf(result.body());
						result = page(browser, "POST", "/login",
								form("username", "ggz", "password", "demo", "_csrf", csrf), "ui-login");
						if (result.status() != 302 || String.valueOf(result.location()).contains("error")) {
							csrf = null;
						}
						else {
							// the token changes at login: take the new one from the
							// purpose form
							Result choose = page(browser, "GET", "/cases/" + target.id() + "?choose", null,
									"ui-choose");
							csrf = (choose.status() == 200) ? csrf(choose.body()) : null;
						}
					}
				}
				else {
					result = page(browser, "POST", "/cases/" + target.id() + "/purpose",
							form("purpose", "CASE_CONSULTATION", "_csrf", csrf), "ui-purpose");
					if (result.status() == 302 && !String.valueOf(result.location()).contains("/login")) {
						result = page(browser, "GET", "/cases/" + target.id(), null, "ui-read " + target.id());
					}
					if (result.status() == 302 && String.valueOf(result.location()).contains("/login")
							|| result.status() == 403 || result.status() == -1) {
						// the application restarted: the session is gone
						csrf = null;
					}
				}
				pause(result);
			}
		}

		static String csrf(String html) {
			Matcher m = CSRF.matcher(html);
			return m.find() ? m.group(1) : null;
		}

		void pause(Result result) {
			// while nothing listens, do not spin; otherwise keep the pressure on
			if (result.status() < 0) {
				sleep(200);
			}
		}

		Result read(String user, String caseId) {
			Result result = call(user, "CASE_CONSULTATION", "GET", "/api/v1/cases/" + caseId, null, "read");
			if (result.status() == 200 && result.json() instanceof Map<?, ?> body) {
				List<String> seen = new ArrayList<>();
				if (((Map<?, ?>) body.get("person")).get("name") != null) {
					seen.add("CASE:" + caseId);
				}
				for (Object item : (List<?>) body.get("contributions")) {
					Map<?, ?> contribution = (Map<?, ?>) item;
					if (contribution.get("content") != null) {
						seen.add("CONTRIBUTION:" + contribution.get("id"));
					}
				}
				record(result, user, "read " + caseId + " " + String.join(",", seen));
			}
			else {
				record(result, user, "read " + caseId);
			}
			return result;
		}

		Result page(HttpClient browser, String method, String path, String form, String kind) {
			String requestId = requestId();
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(20))
				.header("X-Request-Id", requestId)
				.header("Accept", "text/html");
			if (form != null) {
				request.header("Content-Type", "application/x-www-form-urlencoded")
					.method(method, HttpRequest.BodyPublishers.ofString(form));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			Result result = send(browser, request.build(), requestId, kind);
			if (kind.startsWith("ui-read") && result.status() == 200) {
				String caseId = kind.substring("ui-read ".length());
				List<String> seen = new ArrayList<>();
				if (result.body().contains("Drill Persoon")) {
					seen.add("CASE:" + caseId);
				}
				Matcher m = MARKER.matcher(result.body());
				while (m.find()) {
					String contribution = this.markers.get(m.group());
					// a marker of a contribution whose 201 never arrived is still
					// content: name it
					seen.add("CONTRIBUTION:" + ((contribution != null) ? contribution : "marker=" + m.group()));
				}
				record(result, "ggz", "ui-read " + caseId + " " + String.join(",", seen.stream().distinct().toList()));
			}
			else {
				record(result, "ggz", kind);
			}
			return result;
		}

		Result call(String user, String purpose, String method, String path, String body, String kind) {
			String requestId = requestId();
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(20))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
				.header("X-Purpose", purpose)
				.header("X-Request-Id", requestId)
				.header("Accept", "application/json");
			if (body != null) {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(body));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			Result result = send(this.http, request.build(), requestId, kind);
			if (!kind.equals("read")) {
				String facts = kind;
				if (result.status() == 201) {
					facts = kind + " " + result.string("id");
				}
				record(result, user, facts);
			}
			return result;
		}

		Result send(HttpClient client, HttpRequest request, String requestId, String kind) {
			this.requests.incrementAndGet();
			long start = System.currentTimeMillis();
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				// the server makes the request id it logs under (the client's goes to
				// correlation_id)
				String logged = response.headers().firstValue("X-Request-Id").orElse(requestId);
				return new Result(start, System.currentTimeMillis(), response.statusCode(), logged, response.body(),
						response.headers().firstValue("Content-Type").orElse(""),
						response.headers().firstValue("Retry-After").orElse(""),
						response.headers().firstValue("Location").orElse(null));
			}
			catch (HttpTimeoutException ex) {
				return new Result(start, System.currentTimeMillis(), -2, requestId, "", "", "", null);
			}
			catch (ConnectException ex) {
				return new Result(start, System.currentTimeMillis(), -1, requestId, "", "", "", null);
			}
			catch (IOException ex) {
				// connection reset or closed mid-response: the application died under the
				// request
				return new Result(start, System.currentTimeMillis(), -3, requestId, "", "", "", null);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Result(start, System.currentTimeMillis(), -3, requestId, "", "", "", null);
			}
		}

		/**
		 * One journal line: times, status, what the response looked like, who, and the
		 * facts to check.
		 */
		void record(Result result, String user, String facts) {
			String shape = "-";
			if (result.status() == 503) {
				boolean problem = result.contentType().startsWith("application/problem+json")
						&& result.body().contains("\"type\":\"https://schakel.nl/problems/service-unavailable\"")
						&& !result.retryAfter().isEmpty();
				boolean page = result.contentType().startsWith("text/html")
						&& (result.body().contains("niet bereikbaar") || result.body().contains("unavailable"));
				shape = problem ? "problem" : page ? "page" : "other";
			}
			if (result.status() >= 500 && (result.body().contains("Exception") || result.body().contains("SQL")
					|| result.body().contains("org.postgresql") || result.body().contains("com.zaxxer"))) {
				shape = "leaks-internals";
			}
			synchronized (this.journal) {
				this.journal.printf(Locale.ROOT, "%d %d %d %s %s %s %s%n", result.start(), result.end(),
						result.status(), shape, result.requestId(), user, facts);
			}
		}

		Result until201(java.util.function.Supplier<Result> call) throws InterruptedException {
			return until(call, 201);
		}

		Result until(java.util.function.Supplier<Result> call, int expected) throws InterruptedException {
			for (int attempt = 0; attempt < 600; attempt++) {
				Result result = call.get();
				if (result.status() == expected) {
					return result;
				}
				if (result.status() >= 400 && result.status() < 500) {
					throw new IllegalStateException("setup call refused: " + result.status() + " " + result.body());
				}
				Thread.sleep(500);
			}
			throw new IllegalStateException("the application did not answer the setup calls");
		}

		String requestId() {
			return "drill-" + this.sequence.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
		}

		static String registerBody() {
			String marker = UUID.randomUUID().toString().substring(0, 8);
			return """
					{"person": {"name": "Drill Persoon %s", "dateOfBirth": "1985-03-14"}, "caseType": "RADICALISATION",
					 "referral": {"referringOrganisation": "politie-midden", "referringProfessional": "wijkagent drill",
					              "reason": "Zorgen (drill %s)", "goal": "Gezamenlijk beeld", "invitedPartners": ["ggz-midden"],
					              "personInformed": true}}"""
				.formatted(marker, marker);
		}

		static String consentBody() {
			return """
					{"organisations": ["politie-midden"], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
					 "validFrom": "2020-01-01", "evidence": "toestemmingsformulier drill", "evidenceKind": "SIGNED_FORM",
					 "evidenceObtainedOn": "2020-01-01", "evidenceObtainedBy": "drill, GGZ Midden"}""";
		}

		static String form(String... pairs) {
			StringBuilder form = new StringBuilder();
			for (int i = 0; i < pairs.length; i += 2) {
				if (i > 0) {
					form.append('&');
				}
				form.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode(String.valueOf(pairs[i + 1]), StandardCharsets.UTF_8));
			}
			return form.toString();
		}

		static void sleep(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	record Result(long start, long end, int status, String requestId, String body, String contentType,
			String retryAfter, String location) {

		Object json() {
			try {
				return new Json(this.body).value();
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

		String string(String field) {
			return (json() instanceof Map<?, ?> map && map.get(field) != null) ? map.get(field).toString() : null;
		}

	}

	/** Just enough JSON to read the drill's responses. */
	static final class Json {

		final String text;

		int at;

		Json(String text) {
			this.text = text;
		}

		Object value() {
			skip();
			char c = this.text.charAt(this.at);
			if (c == '{') {
				Map<String, Object> map = new LinkedHashMap<>();
				this.at++;
				skip();
				if (this.text.charAt(this.at) == '}') {
					this.at++;
					return map;
				}
				while (true) {
					skip();
					String key = string();
					skip();
					expect(':');
					map.put(key, value());
					skip();
					if (this.text.charAt(this.at++) == '}') {
						return map;
					}
				}
			}
			if (c == '[') {
				List<Object> list = new ArrayList<>();
				this.at++;
				skip();
				if (this.text.charAt(this.at) == ']') {
					this.at++;
					return list;
				}
				while (true) {
					list.add(value());
					skip();
					if (this.text.charAt(this.at++) == ']') {
						return list;
					}
				}
			}
			if (c == '"') {
				return string();
			}
			int start = this.at;
			while (this.at < this.text.length() && ",}] \n\r\t".indexOf(this.text.charAt(this.at)) < 0) {
				this.at++;
			}
			String literal = this.text.substring(start, this.at);
			return literal.equals("null") ? null : literal;
		}

		String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = this.text.charAt(this.at++);
				if (c == '"') {
					return out.toString();
				}
				if (c == '\\') {
					char e = this.text.charAt(this.at++);
					switch (e) {
						case 'u' -> {
							out.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
							this.at += 4;
						}
						case 'n' -> out.append('\n');
						case 't' -> out.append('\t');
						case 'r' -> out.append('\r');
						case 'b' -> out.append('\b');
						case 'f' -> out.append('\f');
						default -> out.append(e);
					}
				}
				else {
					out.append(c);
				}
			}
		}

		void expect(char c) {
			if (this.text.charAt(this.at++) != c) {
				throw new IllegalArgumentException("expected " + c + " at " + (this.at - 1));
			}
		}

		void skip() {
			while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
				this.at++;
			}
		}

	}

	/**
	 * Signs in as a professional on instance A and opens the start page on instance B
	 * with the same session cookie: B must know the login (sessions live in the
	 * database).
	 */
	static boolean sessionAcross(String a, String b) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.build();
		HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(a + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String csrf = Load.csrf(form.body());
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(a + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(Load.form("username", "ggz", "password", "demo", "_csrf", csrf)))
			.build(), HttpResponse.BodyHandlers.ofString());
		String landing = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || landing.contains("error")) {
			System.out.println("session-across: the login on " + a + " failed: " + login.statusCode() + " " + landing);
			return false;
		}
		// the page the login lands on; signed out, it would send the browser to the login
		// form
		HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(b + "/")).build(),
				HttpResponse.BodyHandlers.ofString());
		String next = home.headers().firstValue("Location").orElse("");
		boolean continued = home.statusCode() == 200 && !home.body().contains("name=\"password\"")
				|| home.statusCode() / 100 == 3 && !next.contains("/login");
		System.out.println("session-across: signed in on " + a + ", " + b + "/ answered " + home.statusCode() + " "
				+ next + (continued ? " (still signed in)" : " (signed out)"));
		return continued;
	}

	/**
	 * One of two instances behind the proxy was killed at KILL_MS: only requests in
	 * flight then (ended after it, started before KILL_MS + GRACE_MS) may have failed;
	 * every other request answers as usual, and requests go on succeeding after the kill.
	 */
	static final class FailoverReport {

		static boolean run(Path journalFile, long kill, long grace) throws IOException {
			List<String> failures = new ArrayList<>();
			Map<String, Integer> inFlight = new TreeMap<>();
			int succeededAfter = 0;
			int total = 0;
			for (Line line : journal(journalFile)) {
				total++;
				boolean failed = line.status() >= 500 || line.status() < 0;
				boolean wasInFlight = line.end() >= kill && line.start() <= kill + grace;
				if (failed && wasInFlight) {
					inFlight.merge(statusName(line.status()), 1, Integer::sum);
				}
				else if (failed) {
					failures.add("request " + line.requestId() + " (" + line.kind() + ") answered "
							+ statusName(line.status()) + " outside the moment of the kill");
				}
				if (line.start() > kill + grace && line.status() >= 200 && line.status() < 400) {
					succeededAfter++;
				}
				if (line.shape().equals("leaks-internals")) {
					failures.add("error response of " + line.requestId() + " shows internals");
				}
			}
			System.out.printf(Locale.ROOT,
					"failover: %d requests, failed while in flight at the kill %s, %d succeeded after it%n", total,
					inFlight, succeededAfter);
			if (succeededAfter == 0) {
				failures.add("no request succeeded after the kill: the other instance did not take over");
			}
			failures.stream().limit(30).forEach((f) -> System.out.println("  FAIL " + f));
			return failures.isEmpty();
		}

	}

	// ------------------------------------------------------------------------------------------
	// journal

	record Line(long start, long end, int status, String shape, String requestId, String user, String kind,
			List<String> facts) {

		static Line parse(String line) {
			String[] p = line.split(" ");
			List<String> facts = new ArrayList<>();
			for (int i = 7; i < p.length; i++) {
				facts.add(p[i]);
			}
			return new Line(Long.parseLong(p[0]), Long.parseLong(p[1]), Integer.parseInt(p[2]), p[3], p[4], p[5], p[6],
					facts);
		}

		long latency() {
			return this.end - this.start;
		}

	}

	static List<Line> journal(Path file) throws IOException {
		List<Line> lines = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				lines.add(Line.parse(line));
			}
		}
		return lines;
	}

	static String statusName(int status) {
		return switch (status) {
			case -1 -> "refused";
			case -2 -> "timeout";
			case -3 -> "cut";
			default -> String.valueOf(status);
		};
	}

	// ------------------------------------------------------------------------------------------
	// check

	static final class Check {

		static final Map<String, String> TABLE_OF_KIND = Map.of("case", "case_file", "contribution", "contribution",
				"consent", "consent", "participation", "participation");

		static boolean run(String url, Path journalFile) throws Exception {
			List<Line> lines = journal(journalFile);
			List<String> failures = new ArrayList<>();
			Map<String, Integer> counts = new TreeMap<>();
			int contentResponses = 0;
			int contentItems = 0;
			int acknowledged = 0;
			try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
				PreparedStatement disclosure = db.prepareStatement("""
						select count(*) from disclosure where request_id = ? and item_kind = ? and item_id = ?::uuid
						 and decision = 'PERMIT' and actor = ?""");
				for (Line line : lines) {
					counts.merge(line.kind() + " " + statusName(line.status()), 1, Integer::sum);
					if ((line.kind().equals("read") || line.kind().equals("ui-read")) && line.status() == 200
							&& line.facts().size() > 1) {
						contentResponses++;
						int contributionsSeen = 0;
						for (String seen : line.facts().get(1).split(",")) {
							contentItems++;
							String[] kindAndId = seen.split(":", 2);
							if (kindAndId[0].equals("CONTRIBUTION")) {
								contributionsSeen++;
							}
							if (kindAndId[1].startsWith("marker=")) {
								// a contribution that committed while its 201 was cut off
								// by a kill:
								// the driver never learnt its id; counted below
								continue;
							}
							disclosure.setString(1, line.requestId());
							disclosure.setString(2, kindAndId[0]);
							disclosure.setString(3, kindAndId[1]);
							disclosure.setString(4, line.user());
							if (count(disclosure) != 1) {
								failures.add("no PERMIT disclosure row for " + seen + " shown to " + line.user()
										+ " in request " + line.requestId());
							}
						}
						if (count(db, """
								select count(distinct item_id) from disclosure where request_id = ?
								 and item_kind = 'CONTRIBUTION' and decision = 'PERMIT' and actor = ?""",
								line.requestId(), line.user()) < contributionsSeen) {
							failures.add("request " + line.requestId() + " showed " + contributionsSeen
									+ " contributions but has fewer PERMIT rows");
						}
					}
					String table = TABLE_OF_KIND.get(line.kind());
					if (table != null && line.status() == 201) {
						acknowledged++;
						String id = line.facts().get(0);
						checkAdded(db, table, id, line.requestId(), failures);
					}
					if (line.kind().equals("status") && line.status() == 200) {
						acknowledged++;
						String id = line.facts().get(0);
						if (count(db, "select count(*) from case_file where id = ?::uuid and status <> 'REGISTERED'",
								id) != 1) {
							failures.add("acknowledged status change of case " + id + " is lost");
						}
						if (count(db, """
								select count(*) from case_file_aud a join revision r on r.id = a.rev
								 where a.id = ?::uuid and a.revtype = 1 and r.request_id = ?""", id,
								line.requestId()) < 1) {
							failures.add("status change of case " + id + " has no MOD revision of request "
									+ line.requestId());
						}
					}
				}
				checkEnvers(db, failures);
				System.out.println("responses by kind and status: " + counts);
				System.out.printf(Locale.ROOT,
						"requests %d, responses with content %d (%d items checked), acknowledged writes %d%n",
						lines.size(), contentResponses, contentItems, acknowledged);
				long rows = count(db, "select count(*) from disclosure");
				long revisions = count(db, "select count(*) from revision");
				System.out.printf(Locale.ROOT, "database: %d disclosure rows, %d revisions%n", rows, revisions);
			}
			if (failures.isEmpty()) {
				System.out.println("check: every content response has its disclosure rows, every acknowledged write"
						+ " is present with its revision, Envers is consistent");
				return true;
			}
			System.out.println("check: " + failures.size() + " failures");
			failures.stream().limit(50).forEach((f) -> System.out.println("  FAIL " + f));
			return false;
		}

		static void checkAdded(Connection db, String table, String id, String requestId, List<String> failures)
				throws SQLException {
			if (count(db, "select count(*) from " + table + " where id = ?::uuid", id) != 1) {
				failures.add("acknowledged " + table + " " + id + " is lost");
				return;
			}
			if (count(db, "select count(*) from " + table + "_aud a join revision r on r.id = a.rev"
					+ " where a.id = ?::uuid and a.revtype = 0 and r.request_id = ?", id, requestId) != 1) {
				failures.add(table + " " + id + " has no ADD revision of request " + requestId);
			}
			if (table.equals("case_file")) {
				if (count(db, "select count(*) from referral where case_id = ?::uuid", id) != 1) {
					failures.add("acknowledged case " + id + " lost its referral");
				}
				if (count(db,
						"select count(*) from person p join case_file c on c.person_id = p.id where c.id = ?::uuid",
						id) != 1) {
					failures.add("acknowledged case " + id + " lost its person");
				}
			}
		}

		/** Whole-database Envers checks: revisions, audit rows and live rows agree. */
		static void checkEnvers(Connection db, List<String> failures) throws SQLException {
			Map<String, String> audited = new TreeMap<>();
			try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
					select t.table_name, (select a.attname from pg_index i
					   join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
					   where i.indrelid = ('public.' || t.table_name)::regclass and i.indisprimary)
					from information_schema.tables t
					where t.table_schema = 'public' and t.table_name like '%\\_aud'
					  and exists (select 1 from information_schema.tables e
					              where e.table_schema = 'public' and e.table_name = left(t.table_name, -4))""")) {
				while (rs.next()) {
					String aud = rs.getString(1);
					String entity = aud.substring(0, aud.length() - 4);
					String key = pk(db, entity);
					audited.put(entity, key);
				}
			}
			StringBuilder anyChange = new StringBuilder();
			for (Map.Entry<String, String> e : audited.entrySet()) {
				String entity = e.getKey();
				String key = e.getValue();
				long orphans = count(db, "select count(*) from " + entity + "_aud a where not exists"
						+ " (select 1 from revision r where r.id = a.rev)");
				if (orphans > 0) {
					failures.add(orphans + " rows of " + entity + "_aud point at no revision");
				}
				// the disclosure log is audited per read: disclosure_aud holds one row
				// per event, and
				// "disclosure" is the view of their items
				String table = entity.equals("disclosure") ? "disclosure_event" : entity;
				if (entity.equals("disclosure")) {
					key = "id";
				}
				long unaudited = count(db, "select count(*) from " + table + " t where not exists (select 1 from "
						+ entity + "_aud a where a." + key + " = t." + key + " and a.revtype = 0)");
				if (unaudited > 0) {
					failures.add(unaudited + " rows of " + entity + " have no ADD revision");
				}
				long deletedButPresent = count(db, "select count(*) from " + table + " t where (select a.revtype from "
						+ entity + "_aud a where a." + key + " = t." + key + " order by a.rev desc limit 1) = 2");
				if (deletedButPresent > 0) {
					failures.add(deletedButPresent + " rows of " + entity
							+ " exist although their last revision deletes them");
				}
				anyChange.append(anyChange.isEmpty() ? "" : " union all ")
					.append("select rev from ")
					.append(entity)
					.append("_aud");
			}
			long empty = count(db, "select count(*) from revision r where not exists (select 1 from (" + anyChange
					+ ") c where c.rev = r.id)");
			if (empty > 0) {
				failures.add(empty + " revisions record no change in any audited table");
			}
			System.out.println("envers: " + audited.size() + " audited tables checked " + audited.keySet());
		}

		static String pk(Connection db, String table) throws SQLException {
			try (PreparedStatement s = db.prepareStatement("""
					select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid
					 and a.attnum = i.indkey[0] where i.indrelid = ?::regclass and i.indisprimary""")) {
				s.setString(1, "public." + table);
				try (ResultSet rs = s.executeQuery()) {
					return rs.next() ? rs.getString(1) : "id";
				}
			}
		}

		static long count(Connection db, String sql, String... parameters) throws SQLException {
			try (PreparedStatement s = db.prepareStatement(sql)) {
				for (int i = 0; i < parameters.length; i++) {
					s.setString(i + 1, parameters[i]);
				}
				return count(s);
			}
		}

		static long count(PreparedStatement s) throws SQLException {
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}

	}

	// ------------------------------------------------------------------------------------------
	// outage report

	static final class OutageReport {

		static boolean run(Path journalFile, long down, long up, long maxLatencyLimit, long recoveryLimit)
				throws IOException {
			List<Line> lines = journal(journalFile);
			List<String> failures = new ArrayList<>();
			Map<String, Integer> during = new TreeMap<>();
			long maxLatency = 0;
			long maxLatencyOverall = 0;
			Optional<Line> firstSuccess = Optional.empty();
			int unavailable = 0;
			for (Line line : lines) {
				maxLatencyOverall = Math.max(maxLatencyOverall, line.latency());
				boolean inOutage = line.end() >= down && line.start() <= up;
				if (inOutage) {
					during.merge(statusName(line.status()) + (line.status() == 503 ? "/" + line.shape() : ""), 1,
							Integer::sum);
					maxLatency = Math.max(maxLatency, line.latency());
				}
				if (line.status() == 503) {
					unavailable++;
					boolean api = !line.kind().startsWith("ui-");
					if (api && !line.shape().equals("problem") || !api && !line.shape().equals("page")) {
						failures
							.add("a 503 that is not a " + (api ? "problem detail with Retry-After" : "readable page")
									+ ": " + line.kind() + " " + line.requestId() + " (" + line.shape() + ")");
					}
				}
				if (line.status() >= 500 && line.status() != 503 || line.status() < 0) {
					failures.add("request " + line.requestId() + " (" + line.kind() + ") answered "
							+ statusName(line.status()) + " after " + line.latency() + " ms");
				}
				if (line.shape().equals("leaks-internals")) {
					failures.add("error response of " + line.requestId() + " shows internals");
				}
				if (line.latency() > maxLatencyLimit) {
					failures
						.add("request " + line.requestId() + " (" + line.kind() + ") took " + line.latency() + " ms");
				}
				if (line.start() >= up && line.status() >= 200 && line.status() < 400
						&& !line.kind().startsWith("ui-login")
						&& (firstSuccess.isEmpty() || line.end() < firstSuccess.get().end())) {
					firstSuccess = Optional.of(line);
				}
			}
			System.out.println("during the outage (requests overlapping it), by status: " + during);
			System.out.printf(Locale.ROOT,
					"503 answers in all: %d; max latency during the outage %d ms, overall %d ms%n", unavailable,
					maxLatency, maxLatencyOverall);
			if (unavailable == 0) {
				failures.add("no request met the outage: the drill did not test anything");
			}
			if (firstSuccess.isEmpty()) {
				failures.add("no request succeeded after the database came back");
			}
			else {
				long recovery = firstSuccess.get().end() - up;
				System.out.printf(Locale.ROOT,
						"recovery: first success %d ms after the database accepted connections (%s)%n", recovery,
						firstSuccess.get().kind());
				if (recovery > recoveryLimit) {
					failures.add("recovery took " + recovery + " ms, more than " + recoveryLimit + " ms");
				}
			}
			failures.stream().limit(30).forEach((f) -> System.out.println("  FAIL " + f));
			if (failures.size() > 30) {
				System.out.println("  ... and " + (failures.size() - 30) + " more");
			}
			return failures.isEmpty();
		}

	}

}
