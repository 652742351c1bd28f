package nl.schakel.security;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What the bookkeeping around a request (shared rate limits, the names kept at sign-in)
 * does while PostgreSQL cannot be reached: after one failed connection it stops asking
 * for a few seconds and falls back, so a request waits for the pool's connection timeout
 * once — in the work it came for, which answers 503 — instead of once per piece of
 * bookkeeping. A pool that is only busy is not an unreachable database: its timeout is
 * passed on, and the limit stays shared.
 */
public final class DatabaseReachability {

	/** How long after a failed connection the bookkeeping does not try again. */
	static final Duration QUIET = Duration.ofSeconds(5);

	private static volatile long unreachableUntil = System.nanoTime();

	private DatabaseReachability() {
	}

	/**
	 * {@code work} against the database, or {@code fallback} when the database was
	 * unreachable moments ago or is now.
	 */
	public static <T> T attempt(Supplier<T> work, Supplier<T> fallback) {
		if (System.nanoTime() - unreachableUntil < 0) {
			return fallback.get();
		}
		try {
			return work.get();
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			if (!unreachable(ex)) {
				// the pool was busy, not the database gone: the limit stays shared and
				// the request fails like any other that found no connection (503)
				throw ex;
			}
			unreachableUntil = System.nanoTime() + QUIET.toNanos();
			return fallback.get();
		}
	}

	/**
	 * Whether {@code failure} says the database cannot be reached, rather than that the
	 * pool had no free connection in time. Hikari's timeout carries the last failure to
	 * connect as its cause when there was one, and none when every connection was simply
	 * in use: a busy pool under load must not relax the shared limits to one instance's
	 * count for five seconds.
	 */
	static boolean unreachable(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLTransientConnectionException timeout && timeout.getCause() == null
					&& timeout.getNextException() == null) {
				return false;
			}
		}
		return true;
	}

}
