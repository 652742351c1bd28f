package nl.schakel.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key, in memory. Memory stays bounded: when more than {@link #MAX_KEYS}
 * keys are held, buckets that have refilled completely (and so carry no information) are
 * dropped.
 */
final class RateLimiter {

	static final int MAX_KEYS = 100_000;

	private final RateLimitProperties.Limit limit;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimiter(RateLimitProperties.Limit limit, Clock clock) {
		this.limit = limit;
		this.clock = clock;
	}

	/**
	 * Takes one token for {@code key}.
	 * @return zero if allowed, else how long until the next attempt is allowed
	 */
	Duration take(String key) {
		long now = this.clock.millis();
		if (this.buckets.size() > MAX_KEYS) {
			this.buckets.values().removeIf((bucket) -> bucket.isFull(now));
		}
		return this.buckets.computeIfAbsent(key, (k) -> new Bucket(this.limit, now)).take(now);
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
			return Duration.ofMillis((long) Math.ceil((1 - this.tokens) / this.perMilli));
		}

		synchronized boolean isFull(long now) {
			refill(now);
			return this.tokens >= this.capacity;
		}

		private void refill(long now) {
			if (now > this.updated) {
				this.tokens = Math.min(this.capacity, this.tokens + (now - this.updated) * this.perMilli);
				this.updated = now;
			}
		}

	}

}
