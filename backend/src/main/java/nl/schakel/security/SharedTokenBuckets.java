package nl.schakel.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token buckets kept in PostgreSQL ({@code rate_limit_bucket}), shared by every instance:
 * an attacker whose attempts a load balancer spreads over two instances gets the
 * allowance once, not twice. A take reads and writes its bucket under a row lock, either
 * in its own short transaction, committed whether or not the caller's is (the login
 * limits: a failed attempt still spent its token), or in the caller's transaction on the
 * caller's connection (the bulk-read limit: a case read holds a connection already). Keys
 * are stored as SHA-256 hashes: the table holds no account names or addresses. A bucket
 * untouched for longer than it takes to refill is full again and carries no information;
 * such buckets are removed now and then, so made-up names do not pile up.
 */
public final class SharedTokenBuckets {

	/**
	 * How often (one take in this many) the buckets of this limiter that have refilled
	 * are removed.
	 */
	private static final int CLEAN_UP_ONE_IN = 500;

	/**
	 * Takes a token: a new bucket starts full less the token; a bucket met refills at the
	 * rate per millisecond since its last take (up to its capacity) and gives one if it
	 * then holds one. Parameters: limiter, key hash, capacity - 1, now, then capacity and
	 * rate per millisecond, twice.
	 */
	private static final String TAKE = """
			insert into rate_limit_bucket as b (limiter, key_hash, tokens, updated_at) values (?, ?, ?, ?)
			on conflict (limiter, key_hash) do update
			set tokens = least(?::float8, b.tokens + greatest(0,
			        extract(epoch from excluded.updated_at - b.updated_at)::float8 * 1000) * ?::float8) - 1,
			    updated_at = greatest(b.updated_at, excluded.updated_at)
			where least(?::float8, b.tokens + greatest(0,
			        extract(epoch from excluded.updated_at - b.updated_at)::float8 * 1000) * ?::float8) >= 1
			returning tokens""";

	private final String limiter;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final TransactionTemplate callersTransaction;

	private final Clock clock;

	public SharedTokenBuckets(String limiter, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.limiter = limiter;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.callersTransaction = new TransactionTemplate(transactions);
		this.callersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
		this.clock = clock;
	}

	/**
	 * Takes one token for {@code key} from a bucket of {@code capacity} tokens that
	 * refills evenly at {@code refill}, in a short transaction of its own.
	 * @return zero if allowed, else how long until the next token
	 */
	public Duration take(String key, double capacity, Refill refill) {
		Instant now = this.clock.instant();
		Duration wait = this.ownTransaction.execute((status) -> takeNow(hash(key), now, capacity, refill));
		cleanUpNowAndThen(now, capacity, refill);
		return wait;
	}

	/**
	 * {@link #take}, on the connection and in the transaction of the caller (which must
	 * have one): the token is spent when, and only if, the caller's work commits, and the
	 * take needs no second pool connection while the caller holds one. The bucket's row
	 * stays locked until the caller's transaction ends, so one key's takers go one after
	 * the other.
	 * @return zero if allowed, else how long until the next token
	 */
	public Duration takeInCallersTransaction(String key, double capacity, Refill refill) {
		Instant now = this.clock.instant();
		Duration wait = this.callersTransaction.execute((status) -> takeNow(hash(key), now, capacity, refill));
		cleanUpNowAndThen(now, capacity, refill);
		return wait;
	}

	private Duration takeNow(byte[] hash, Instant now, double capacity, Refill refill) {
		if (capacity >= 1) {
			// one statement finds or makes the bucket, refills it and takes a token if
			// one is there; it locks the row either way (an upsert locks the row it
			// meets), and answers with a row only when it took a token
			List<Double> taken = this.jdbc.queryForList(TAKE, Double.class, this.limiter, hash, capacity - 1,
					Timestamp.from(now), capacity, refill.perMilli(), capacity, refill.perMilli());
			if (!taken.isEmpty()) {
				return Duration.ZERO;
			}
		}
		// refused: the bucket (locked now) says how long until its next token; it is left
		// as it was, since its refill follows from its last take
		List<Bucket> bucket = this.jdbc.query(
				"select tokens, updated_at from rate_limit_bucket where limiter = ? and key_hash = ?",
				(rs, row) -> new Bucket(rs.getDouble(1), rs.getTimestamp(2).toInstant()), this.limiter, hash);
		// a bucket of less than one token (no limit allows that) holds none
		double tokens = bucket.isEmpty() ? 0 : bucket.get(0).refilled(now, capacity, refill);
		return refill.until(1 - tokens);
	}

	private void cleanUpNowAndThen(Instant now, double capacity, Refill refill) {
		if (ThreadLocalRandom.current().nextInt(CLEAN_UP_ONE_IN) == 0) {
			removeRefilled(now, refill.until(capacity));
		}
	}

	/**
	 * How long {@code key} must wait for a token, without taking one (for limits that
	 * count only failures, checked before the attempt).
	 * @return zero if a token is there now
	 */
	public Duration waitFor(String key, double capacity, Refill refill) {
		List<Bucket> buckets = this.jdbc.query(
				"select tokens, updated_at from rate_limit_bucket where limiter = ? and key_hash = ?",
				(rs, row) -> new Bucket(rs.getDouble(1), rs.getTimestamp(2).toInstant()), this.limiter, hash(key));
		if (buckets.isEmpty()) {
			return Duration.ZERO;
		}
		double tokens = buckets.get(0).refilled(this.clock.instant(), capacity, refill);
		return (tokens >= 1) ? Duration.ZERO : refill.until(1 - tokens);
	}

	/**
	 * Whether a refusal of {@code key} should be recorded now: the first, and then at
	 * most one per {@code every}, across all instances.
	 */
	public boolean firstRefusalIn(String key, Duration every) {
		Instant now = this.clock.instant();
		Integer updated = this.ownTransaction.execute((status) -> this.jdbc.update("""
				update rate_limit_bucket set refusal_recorded_at = ?
				where limiter = ? and key_hash = ? and (refusal_recorded_at is null or refusal_recorded_at <= ?)""",
				Timestamp.from(now), this.limiter, hash(key), Timestamp.from(now.minus(every))));
		return updated != null && updated > 0;
	}

	private void removeRefilled(Instant now, Duration toFull) {
		this.jdbc.update(
				"delete from rate_limit_bucket where limiter = ? and updated_at < ? and refusal_recorded_at is null",
				this.limiter, Timestamp.from(now.minus(toFull).minusSeconds(1)));
	}

	private static byte[] hash(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** How fast a bucket refills: {@code tokens} per {@code per}. */
	public record Refill(double tokens, Duration per) {

		double perMilli() {
			return this.tokens / (double) this.per.toMillis();
		}

		Duration until(double missing) {
			return Duration.ofMillis(Math.max(1, (long) Math.ceil(missing / perMilli())));
		}

	}

	private record Bucket(double tokens, Instant updatedAt) {

		double refilled(Instant now, double capacity, Refill refill) {
			long elapsed = Math.max(0, now.toEpochMilli() - this.updatedAt.toEpochMilli());
			return Math.min(capacity, this.tokens + elapsed * refill.perMilli());
		}

	}

}
