package nl.schakel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.schakel.database.DatabaseRoles;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place tests get PostgreSQL from: a Testcontainers {@code postgres:17} when a
 * Docker engine answers, else the embedded PostgreSQL binaries. Either way the database
 * gets the same owner and application roles as production, so privilege rules are tested
 * for real. One server per test JVM.
 */
public final class PostgresTestSupport {

	public static final String DATABASE = "schakel";

	public static final DatabaseRoles.Credentials OWNER = new DatabaseRoles.Credentials("schakel_owner",
			"owner-test-password");

	public static final DatabaseRoles.Credentials APP = new DatabaseRoles.Credentials("schakel_app",
			"app-test-password");

	private static Server server;

	private PostgresTestSupport() {
	}

	/** The JDBC URL of the test database, starting the server on first use. */
	public static synchronized String jdbcUrl() {
		if (server == null) {
			server = start();
			DatabaseRoles.ensure(server.superuser(), DATABASE, OWNER, APP);
		}
		return "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + DATABASE;
	}

	/**
	 * Spring properties that point the app role at the test database and Flyway at the
	 * owner.
	 */
	public static Map<String, Object> properties() {
		String url = jdbcUrl();
		return Map.of("spring.datasource.url", url, "spring.datasource.username", APP.user(),
				"spring.datasource.password", APP.password(), "spring.flyway.url", url, "spring.flyway.user",
				OWNER.user(), "spring.flyway.password", OWNER.password(), "spring.flyway.placeholders.app_role",
				APP.user());
	}

	/**
	 * Like {@link #properties()}, for a database of its own on the same server: for a
	 * test that must start from an empty database, which the shared one never is.
	 */
	public static synchronized Map<String, Object> propertiesOfOwnDatabase(String database) {
		jdbcUrl();
		DatabaseRoles.ensure(server.superuser(), database, OWNER, APP);
		String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database;
		return Map.of("spring.datasource.url", url, "spring.datasource.username", APP.user(),
				"spring.datasource.password", APP.password(), "spring.flyway.url", url, "spring.flyway.user",
				OWNER.user(), "spring.flyway.password", OWNER.password(), "spring.flyway.placeholders.app_role",
				APP.user());
	}

	/**
	 * A connection pool-free data source as the given role, for tests that inspect tables
	 * directly.
	 */
	public static DataSource dataSource(DatabaseRoles.Credentials role) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl());
		dataSource.setUser(role.user());
		dataSource.setPassword(role.password());
		return dataSource;
	}

	private static Server start() {
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
			container.start();
			PGSimpleDataSource superuser = new PGSimpleDataSource();
			superuser.setUrl(container.getJdbcUrl());
			superuser.setUser(container.getUsername());
			superuser.setPassword(container.getPassword());
			return new Server(container.getHost(), container.getMappedPort(5432), superuser);
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ignored) {
					// the JVM is going away; the temporary cluster goes with it
				}
			}));
			return new Server("localhost", postgres.getPort(), postgres.getPostgresDatabase());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private record Server(String host, int port, DataSource superuser) {
	}

}
