package nl.schakel.disclosure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import nl.schakel.policy.BulkReads;
import nl.schakel.policy.Policy;

import org.springframework.stereotype.Component;

/**
 * Counts each professional's case reads against the access policy's {@code bulk-reads}: a
 * bucket of {@code burst} reads per professional that refills at {@code case-reads-per-hour}.
 * A read that finds the bucket empty is refused, and told when the next read will be allowed.
 * The buckets live in this instance's memory (one entry per professional who read a case),
 * so with several instances each allows the policy's rate.
 */
@Component
class BulkReadLimit {

	private final Policy policy;

	private final Clock clock;

	private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	BulkReadLimit(Policy policy, Clock clock) {
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Takes one read from this professional's bucket.
	 * @return empty if the read may go ahead, else how long until it would
	 */
	Optional<Duration> take(String username) {
		BulkReads limit = this.policy.bulkReads();
		if (!limit.limited()) {
			return Optional.empty();
		}
		long now = nanos(Instant.now(this.clock));
		Bucket bucket = this.buckets.computeIfAbsent(username, (name) -> new Bucket(now, limit.burst()));
		return bucket.take(now, limit);
	}

	/**
	 * Whether a refusal of this professional should be recorded now: the first refusal, and
	 * then at most one an hour, so a flood of refused reads does not flood the security log
	 * and the review queue in turn.
	 */
	boolean firstRefusalThisHour(String username) {
		Bucket bucket = this.buckets.get(username);
		return bucket != null && bucket.recordRefusal(nanos(Instant.now(this.clock)));
	}

	private static long nanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

	private static final class Bucket {

		/** Reads in the bucket, in nanoseconds of refill time ({@code reads * refill}). */
		private double reads;

		private long updated;

		private long lastRecordedRefusal = Long.MIN_VALUE;

		Bucket(long now, int burst) {
			this.reads = burst;
			this.updated = now;
		}

		synchronized Optional<Duration> take(long now, BulkReads limit) {
			double perNano = limit.caseReadsPerHour() / (double) Duration.ofHours(1).toNanos();
			this.reads = Math.min(limit.burst(), this.reads + Math.max(0, now - this.updated) * perNano);
			this.updated = now;
			if (this.reads >= 1) {
				this.reads -= 1;
				return Optional.empty();
			}
			long wait = (long) Math.ceil((1 - this.reads) / perNano);
			return Optional.of(Duration.ofNanos(Math.max(wait, 1)));
		}

		synchronized boolean recordRefusal(long now) {
			if (this.lastRecordedRefusal != Long.MIN_VALUE
					&& now - this.lastRecordedRefusal < Duration.ofHours(1).toNanos()) {
				return false;
			}
			this.lastRecordedRefusal = now;
			return true;
		}

	}

}
