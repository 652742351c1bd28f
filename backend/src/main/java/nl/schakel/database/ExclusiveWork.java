package nl.schakel.database;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that one instance does at a time: a job lock lets one instance run it per
 * interval, and a transaction-scoped advisory lock, taken by the work itself, lets only
 * one do it at once even when a job lock's lease ran out or the work is started by hand.
 * The work runs in one transaction, so the advisory lock lasts exactly as long as it.
 */
@Component
public class ExclusiveWork {

	private final LockingTaskExecutor locks;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	ExclusiveWork(LockingTaskExecutor locks, TransactionTemplate transactions, JdbcTemplate jdbc) {
		this.locks = locks;
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	/**
	 * Runs the work in one transaction when no instance ran this job within half the
	 * interval; answers what the work answered, or 0 when another instance has it.
	 */
	public int oncePerInterval(String job, Duration interval, IntSupplier work) {
		int[] done = { 0 };
		this.locks.executeWithLock((Runnable) () -> {
			Integer answered = this.transactions.execute((status) -> work.getAsInt());
			done[0] = (answered != null) ? answered : 0;
		}, new LockConfiguration(Instant.now(), job, interval.multipliedBy(3), interval.dividedBy(2)));
		return done[0];
	}

	/**
	 * Takes the advisory lock with this key for the caller's transaction; false when
	 * another transaction holds it (then the caller leaves the work to that one).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean aloneInThisTransaction(long key) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, key));
	}

}
