package nl.schakel.web;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Tells a lost race apart from every other error: someone else changed the same row first
 * (two removals or withdrawals at once meet the row's version), or made the same unique
 * thing first (two admissions of one organisation meet the unique index). The loser's
 * transaction rolled back and wrote nothing; it is answered 409 — the client reads again
 * and decides — never 500.
 */
public final class ConcurrentChange {

	// PostgreSQL: unique_violation
	private static final String UNIQUE_VIOLATION = "23505";

	private ConcurrentChange() {
	}

	/**
	 * Whether {@code failure}, or anything it was caused by, says a concurrent change
	 * won.
	 */
	public static boolean isCauseOf(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof OptimisticLockingFailureException || cause instanceof OptimisticLockException
					|| cause instanceof StaleStateException) {
				return true;
			}
			if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
