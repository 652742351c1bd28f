package nl.schakel.support;

import java.time.Duration;

import org.awaitility.Awaitility;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits, on what PostgreSQL says, until sessions are blocked at a row lock: the tests
 * that race two writes hold the row, let both writes reach their statement, then let go.
 */
public final class LockWaits {

	private LockWaits() {
	}

	/**
	 * Returns once this many sessions wait for a lock in a statement that starts with the
	 * given text.
	 */
	public static void awaitSessionsBlockedAt(JdbcTemplate jdbc, String statementStart, int sessions) {
		Awaitility.await(sessions + " sessions blocked at '" + statementStart + "'")
			.atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.queryForObject("""
					select count(*) from pg_stat_activity
					 where wait_event_type = 'Lock' and query ilike ?""", Long.class,
					statementStart + "%") >= sessions);
	}

}
