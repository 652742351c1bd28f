package nl.schakel.security;

import java.time.Duration;

/** One rate limit's token buckets by key: in the database (shared by instances) or in memory. */
interface TokenBucketLimiter {

	/** Takes one token for {@code key}; zero if allowed, else how long until the next. */
	Duration take(String key);

	/** How long {@code key} must wait before its next attempt, without taking a token. */
	Duration waitFor(String key);

	/** The limit's buckets in PostgreSQL, so every instance counts against the same allowance. */
	static TokenBucketLimiter shared(SharedTokenBuckets buckets, RateLimitProperties.Limit limit) {
		SharedTokenBuckets.Refill refill = new SharedTokenBuckets.Refill(limit.capacity(), limit.period());
		return new TokenBucketLimiter() {
			@Override
			public Duration take(String key) {
				return buckets.take(key, limit.capacity(), refill);
			}

			@Override
			public Duration waitFor(String key) {
				return buckets.waitFor(key, limit.capacity(), refill);
			}
		};
	}

}
