package nl.schakel.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a database that may lose acknowledged commits (fsync or synchronous
 * commit off): a disclosure that was logged, a consent withdrawal that was confirmed must
 * survive a crash. Tests may run on a fast, forgetful database; every other profile may
 * not.
 */
@Component
class DurabilityGuard implements InitializingBean {

	private final DataSource dataSource;

	private final Environment environment;

	DurabilityGuard(DataSource dataSource, Environment environment) {
		this.dataSource = dataSource;
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		if (exempt(this.environment)) {
			return;
		}
		String fsync;
		String synchronousCommit;
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			fsync = show(statement, "fsync");
			synchronousCommit = show(statement, "synchronous_commit");
		}
		catch (SQLException ex) {
			// an unreachable database is reported by the pool and the migrations, not
			// here
			return;
		}
		refusal(fsync, synchronousCommit).ifPresent(reason -> {
			throw new DatabaseNotDurable(reason);
		});
	}

	/**
	 * Tests may run on a forgetful database; the local default may not, and is durable
	 * itself.
	 */
	static boolean exempt(Environment environment) {
		return environment.acceptsProfiles(Profiles.of("test")) && !environment.acceptsProfiles(Profiles.of("prod"));
	}

	/**
	 * Why a database with these settings may not hold the disclosure log, if it may not.
	 */
	static Optional<String> refusal(String fsync, String synchronousCommit) {
		if ("off".equalsIgnoreCase(fsync)) {
			return Optional.of("The database runs with fsync=off: a committed disclosure, consent withdrawal or "
					+ "contribution can vanish on a crash or power loss");
		}
		if ("off".equalsIgnoreCase(synchronousCommit)) {
			return Optional.of("The database runs with synchronous_commit=off: the last acknowledged disclosures, "
					+ "consent withdrawals and contributions can vanish on a crash or power loss");
		}
		return Optional.empty();
	}

	private static String show(Statement statement, String setting) throws SQLException {
		try (ResultSet result = statement.executeQuery("show " + setting)) {
			result.next();
			return result.getString(1);
		}
	}

}
