package nl.schakel.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.schakel.SchakelApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default as a user runs it: the local profile with nothing configured
 * starts an embedded PostgreSQL under a data directory, and what was registered survives
 * a restart.
 */
class EmbeddedDefaultIT {

	@TempDir
	Path data;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void caseRegisteredBeforeARestartIsStillThereAfterIt() throws Exception {
		String reference;
		String location;
		try (ConfigurableApplicationContext app = start()) {
			assertThat(get(app, "/actuator/health").body()).contains("UP");
			HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(url(app, "/api/v1/cases"))
				.header("Authorization", basic("coordinator", "demo"))
				.header("Content-Type", "application/json")
				.header("X-Purpose", "TRIAGE")
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"person": {"name": "Rita Herstart", "dateOfBirth": "1980-01-01"}, "caseType": "OTHER"}"""))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(201);
			reference = created.body().replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
			location = created.headers().firstValue("Location").orElseThrow();
		}
		try (ConfigurableApplicationContext app = start()) {
			HttpResponse<String> list = get(app, "/api/v1/cases");
			assertThat(list.statusCode()).isEqualTo(200);
			assertThat(list.body()).contains(reference);
			assertThat(get(app, location).body()).contains("Rita Herstart");
		}
	}

	@Test
	void theEmbeddedDefaultCommitsDurably() throws Exception {
		try (ConfigurableApplicationContext app = start();
				Connection connection = app.getBean(DataSource.class).getConnection();
				Statement statement = connection.createStatement()) {
			assertThat(show(statement, "fsync")).isEqualTo("on");
			assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
			assertThat(show(statement, "full_page_writes")).isEqualTo("on");
			assertThat(show(statement, "password_encryption")).isEqualTo("scram-sha-256");
		}
	}

	@Test
	void everyConnectionMustProveItsPasswordAndThePasswordsAreTheOwnersAlone() throws Exception {
		Path credentials = this.data.resolve("postgres.credentials");
		String appPassword;
		try (ConfigurableApplicationContext app = start()) {
			int port = app.getBean(EmbeddedPostgres.class).getPort();
			assertThat(Files.getPosixFilePermissions(credentials))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
			Properties stored = new Properties();
			try (var reader = Files.newBufferedReader(credentials)) {
				stored.load(reader);
			}
			appPassword = stored.getProperty("schakel_app");
			for (String role : new String[] { "postgres", "schakel_owner", "schakel_app" }) {
				assertThatThrownBy(() -> connect(port, role, null)).as(role + " without a password")
					.isInstanceOf(SQLException.class);
				assertThatThrownBy(() -> connect(port, role, "wrong")).as(role + " with a wrong password")
					.isInstanceOf(SQLException.class);
			}
			try (Connection connection = connect(port, "schakel_app", appPassword)) {
				assertThat(connection.isValid(1)).isTrue();
			}
		}
		// generated once: a restart reuses the stored passwords
		try (ConfigurableApplicationContext app = start()) {
			Properties stored = new Properties();
			try (var reader = Files.newBufferedReader(credentials)) {
				stored.load(reader);
			}
			assertThat(stored.getProperty("schakel_app")).isEqualTo(appPassword);
			try (Connection connection = connect(app.getBean(EmbeddedPostgres.class).getPort(), "schakel_app",
					appPassword)) {
				assertThat(connection.isValid(1)).isTrue();
			}
		}
	}

	@Test
	void aDataDirectoryFromBeforePasswordsStartsAndThenDemandsThem() throws Exception {
		// what older versions left behind: a cluster that trusts every local connection
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(this.data.resolve("postgres"))
			.setCleanDataDirectory(false)
			.start()) {
			assertThat(old.getPostgresDatabase().getConnection().isValid(1)).isTrue();
		}
		try (ConfigurableApplicationContext app = start()) {
			assertThat(get(app, "/actuator/health").body()).contains("UP");
			int port = app.getBean(EmbeddedPostgres.class).getPort();
			assertThat(Files.getPosixFilePermissions(this.data.resolve("postgres.credentials")))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
			assertThatThrownBy(() -> connect(port, "postgres", null)).isInstanceOf(SQLException.class);
		}
	}

	@Test
	void prodProfileRefusesToStartWithTheEmbeddedDatabaseAndDemoAccounts() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(SchakelApplication.class).profiles("prod")
			.properties("server.port=0", "spring.datasource.url=jdbc:postgresql://localhost:1/none",
					"SCHAKEL_DB_URL=jdbc:postgresql://localhost:1/none", "SCHAKEL_DB_USER=x", "SCHAKEL_DB_PASSWORD=x",
					"SCHAKEL_DB_OWNER_USER=x", "SCHAKEL_DB_OWNER_PASSWORD=x", "spring.flyway.enabled=false",
					"spring.jpa.hibernate.ddl-auto=none")
			.run("--schakel.demo.enabled=true")).hasStackTraceContaining("refuses to start with demo accounts");
	}

	private static String show(Statement statement, String setting) throws SQLException {
		try (ResultSet result = statement.executeQuery("show " + setting)) {
			result.next();
			return result.getString(1);
		}
	}

	private static Connection connect(int port, String user, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/schakel", properties);
	}

	private ConfigurableApplicationContext start() {
		// as command-line arguments, so they win over application-local.yaml as they
		// would for a user
		return new SpringApplicationBuilder(SchakelApplication.class).profiles("local")
			.run("--server.port=0", "--schakel.database.embedded.directory=" + this.data.resolve("postgres"),
					"--schakel.crypto.keyset-directory=" + this.data.resolve("keys"));
	}

	private HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(url(app, path))
			.header("Authorization", basic("coordinator", "demo"))
			.header("X-Purpose", "TRIAGE")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI url(ConfigurableApplicationContext app, String path) {
		String port = app.getEnvironment().getProperty("local.server.port");
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
