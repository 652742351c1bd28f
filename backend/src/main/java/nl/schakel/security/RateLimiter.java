package nl.schakel.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Token buckets by key, in memory (where there is no database to share them through; see
 * {@link SharedTokenBuckets}), in a cache bounded by size and time. A bucket not touched
 * for a whole period has refilled completely and carries no information, so it expires.
 * When more than {@code maxKeys} keys are held (a flood of made-up account names), the
 * cache's frequency-aware eviction drops the rarely seen ones first: a key an attacker
 * keeps hitting stays, a million one-off names do not push it out, and memory stays at
 * the bound.
 */
final class RateLimiter implements TokenBucketLimiter {

	static final int MAX_KEYS = 50_000;

	private final RateLimitProperties.Limit limit;

	private final Clock clock;

	private final Cache<String, Bucket> buckets;

	RateLimiter(RateLimitProperties.Limit limit, Clock clock) {
		this(limit, clock, MAX_KEYS);
	}

	RateLimiter(RateLimitProperties.Limit limit, Clock clock, int maxKeys) {
		this.limit = limit;
		this.clock = clock;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(maxKeys)
			.expireAfterAccess(limit.period())
			.ticker(() -> clock.millis() * 1_000_000L)
			// upkeep on the caller's thread: the bound holds at every moment, not when a
			// pool gets to it
			.executor(Runnable::run)
			.build();
	}

	/**
	 * Takes one token for {@code key}.
	 * @return zero if allowed, else how long until the next attempt is allowed
	 */
	@Override
	public Duration take(String key) {
		long now = this.clock.millis();
		return this.buckets.get(key, (k) -> new Bucket(this.limit, now)).take(now);
	}

	/**
	 * How long {@code key} must wait before its next attempt, without taking a token: for
	 * limits that count only failures, checked before the attempt is made.
	 * @return zero if an attempt is allowed now
	 */
	@Override
	public Duration waitFor(String key) {
		Bucket bucket = this.buckets.getIfPresent(key);
		return (bucket != null) ? bucket.waitFor(this.clock.millis()) : Duration.ZERO;
	}

	/** How many keys are held now (after pending upkeep). */
	long retainedKeys() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	private static final class Bucket {

		private final double capacity;

		private final double perMilli;

		private double tokens;

		private long updated;

		Bucket(RateLimitProperties.Limit limit, long now) {
			this.capacity = limit.capacity();
			this.perMilli = limit.capacity() / (double) limit.period().toMillis();
			this.tokens = this.capacity;
			this.updated = now;
		}

		synchronized Duration take(long now) {
			refill(now);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return Duration.ZERO;
			}
			return untilOne();
		}

		synchronized Duration waitFor(long now) {
			refill(now);
			return (this.tokens >= 1) ? Duration.ZERO : untilOne();
		}

		private Duration untilOne() {
			return Duration.ofMillis((long) Math.ceil((1 - this.tokens) / this.perMilli));
		}

		private void refill(long now) {
			if (now > this.updated) {
				this.tokens = Math.min(this.capacity, this.tokens + (now - this.updated) * this.perMilli);
				this.updated = now;
			}
		}

	}

}
