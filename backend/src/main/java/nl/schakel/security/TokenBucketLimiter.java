package nl.schakel.security;

import java.time.Duration;

/**
 * One rate limit's token buckets by key: in the database (shared by instances) or in
 * memory.
 */
interface TokenBucketLimiter {

	/** Takes one token for {@code key}; zero if allowed, else how long until the next. */
	Duration take(String key);

	/** How long {@code key} must wait before its next attempt, without taking a token. */
	Duration waitFor(String key);

	/**
	 * The limit's buckets in PostgreSQL, so every instance counts against the same
	 * allowance. While the database cannot be reached, this instance counts alone in
	 * {@code whileUnreachable} (still a limit, never none), and the request goes on to
	 * meet the outage where the application answers it with 503 instead of failing inside
	 * the security filters.
	 */
	static TokenBucketLimiter shared(SharedTokenBuckets buckets, RateLimitProperties.Limit limit,
			TokenBucketLimiter whileUnreachable) {
		SharedTokenBuckets.Refill refill = new SharedTokenBuckets.Refill(limit.capacity(), limit.period());
		return new TokenBucketLimiter() {
			@Override
			public Duration take(String key) {
				return DatabaseReachability.attempt(() -> buckets.take(key, limit.capacity(), refill),
						() -> whileUnreachable.take(key));
			}

			@Override
			public Duration waitFor(String key) {
				return DatabaseReachability.attempt(() -> buckets.waitFor(key, limit.capacity(), refill),
						() -> whileUnreachable.waitFor(key));
			}
		};
	}

}
