package nl.schakel.disclosure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import nl.schakel.policy.BulkReads;
import nl.schakel.policy.Policy;
import nl.schakel.security.SharedTokenBuckets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Counts each professional's case reads against the access policy's {@code bulk-reads}: a
 * bucket of {@code burst} reads per professional that refills at
 * {@code case-reads-per-hour}. A read that finds the bucket empty is refused, and told
 * when the next read will be allowed. The buckets live in PostgreSQL, shared by every
 * instance, so a professional whose reads a load balancer spreads over two instances
 * still gets the policy's rate once.
 */
@Component
class BulkReadLimit {

	/** How many remembered refusals make the next one forget those that are over. */
	private static final int FORGET_PAST_REFUSALS_AT = 256;

	private final Policy policy;

	private final SharedTokenBuckets buckets;

	private final Clock clock;

	/**
	 * Professionals refused on this instance, until their bucket holds a read again:
	 * their next reads are refused before any work, without a query.
	 */
	private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();

	BulkReadLimit(Policy policy, Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions,
			@Value("${schakel.rate-limit.namespace:}") String namespace) {
		this.policy = policy;
		this.clock = clock;
		this.buckets = new SharedTokenBuckets(namespace + "bulk-reads", jdbc, transactions, clock);
	}

	/**
	 * Takes one read from this professional's bucket, in the read's transaction: a read
	 * counts when its disclosure rows commit (a read that fails disclosed nothing), and
	 * if the database cannot be reached the read fails with it (503), never unlimited:
	 * the bulk-read limit has no fallback to relax to.
	 * @return empty if the read may go ahead, else how long until it would
	 */
	Optional<Duration> take(String username) {
		BulkReads limit = this.policy.bulkReads();
		if (!limit.limited()) {
			return Optional.empty();
		}
		// in the read's own transaction: a second pool connection per read starved the
		// pool
		// at as many concurrent reads as it has connections
		Duration wait = this.buckets.takeInCallersTransaction(username, limit.burst(),
				new SharedTokenBuckets.Refill(limit.caseReadsPerHour(), Duration.ofHours(1)));
		if (wait.isZero()) {
			this.refusedUntil.remove(username);
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		if (this.refusedUntil.size() >= FORGET_PAST_REFUSALS_AT) {
			// refused professionals who never came back: their refusals are over
			this.refusedUntil.values().removeIf((until) -> !now.isBefore(until));
		}
		this.refusedUntil.put(username, now.plus(wait));
		return Optional.of(wait);
	}

	boolean limited() {
		return this.policy.bulkReads().limited();
	}

	/**
	 * How long until this professional's next read, as far as this instance knows without
	 * asking the database: after a refusal here, until the bucket holds a read again. A
	 * read refused on another instance is refused here when it takes its token.
	 * @return empty if no refusal here says otherwise
	 */
	Optional<Duration> waitFor(String username) {
		if (!this.policy.bulkReads().limited()) {
			return Optional.empty();
		}
		Instant until = this.refusedUntil.get(username);
		if (until == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(until)) {
			this.refusedUntil.remove(username, until);
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, until));
	}

	/**
	 * Whether a refusal of this professional should be recorded now: the first refusal,
	 * and then at most one an hour, so a flood of refused reads does not flood the
	 * security log and the review queue in turn.
	 */
	boolean firstRefusalThisHour(String username) {
		return this.buckets.firstRefusalIn(username, Duration.ofHours(1));
	}

}
