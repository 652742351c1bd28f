package nl.schakel.security;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What the bookkeeping around a request (shared rate limits, the names kept at sign-in)
 * does while PostgreSQL cannot be reached: after one failed connection it stops asking
 * for a few seconds and falls back, so a request waits for the pool's connection timeout
 * once — in the work it came for, which answers 503 — instead of once per piece of
 * bookkeeping.
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
			unreachableUntil = System.nanoTime() + QUIET.toNanos();
			return fallback.get();
		}
	}

}
