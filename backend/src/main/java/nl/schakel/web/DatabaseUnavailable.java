package nl.schakel.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the database connection apart from every other error: the pool found
 * no connection within its timeout, the server went away mid-request or is still
 * starting. Such a request is answered 503 with {@code Retry-After} (the API as a problem
 * detail, the browser with an error page), never 500, and never with content: the
 * transaction that would have written the disclosure rows did not commit, so nothing was
 * unsealed.
 */
public final class DatabaseUnavailable {

	/** What {@code Retry-After} says: the pool's connection timeout plus a margin. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	// PostgreSQL: class 08 is "connection exception"; 57P01-57P03 are admin or crash
	// shutdown and "the database system is starting up / in recovery"
	private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

	// Hikari's answer (no SQLState) on a connection it closed after a fatal error. When
	// the
	// server goes away mid-transaction, the rollback meets it and Spring throws the
	// rollback's
	// failure instead of the original one (outage drill, docs/reliability.md).
	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	private DatabaseUnavailable() {
	}

	private static boolean connectionState(String state) {
		return state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state));
	}

	/**
	 * Whether {@code failure}, or anything it was caused by, says the database cannot be
	 * reached.
	 */
	public static boolean isCauseOf(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql
					&& (connectionState(sql.getSQLState()) || HIKARI_CLOSED_CONNECTION.equals(sql.getMessage()))) {
				return true;
			}
		}
		return false;
	}

}
