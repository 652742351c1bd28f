package nl.schakel.security;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import nl.schakel.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login limiter throttles and forgets, and its memory has a ceiling whatever names it
 * is fed.
 */
class RateLimiterTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void aMillionMadeUpAccountNamesLeaveNoMoreBucketsThanTheBound() {
		RateLimiter limiter = new RateLimiter(new RateLimitProperties.Limit(10, Duration.ofMinutes(5)), this.clock);
		for (int i = 0; i < 1_000_000; i++) {
			limiter.take(UUID.randomUUID().toString());
		}
		assertThat(limiter.retainedKeys()).isLessThanOrEqualTo(RateLimiter.MAX_KEYS);
	}

	@Test
	void anAccountUnderAttackStaysThrottledWhileAFloodOfOtherNamesPassesBy() {
		RateLimiter limiter = new RateLimiter(new RateLimitProperties.Limit(3, Duration.ofMinutes(10)), this.clock,
				1_000);
		for (int round = 0; round < 20; round++) {
			limiter.take("om");
			for (int i = 0; i < 500; i++) {
				limiter.take(UUID.randomUUID().toString());
			}
		}
		assertThat(limiter.waitFor("om")).isPositive();
		assertThat(limiter.retainedKeys()).isLessThanOrEqualTo(1_000);
	}

	@Test
	void aBucketLeftAloneForAWholePeriodIsForgotten() {
		RateLimiter limiter = new RateLimiter(new RateLimitProperties.Limit(2, Duration.ofMinutes(5)), this.clock);
		limiter.take("om");
		limiter.take("om");
		assertThat(limiter.take("om")).isPositive();
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(limiter.retainedKeys()).isZero();
		assertThat(limiter.take("om")).isZero();
	}

	@Test
	void lookingDoesNotTakeAToken() {
		RateLimiter limiter = new RateLimiter(new RateLimitProperties.Limit(1, Duration.ofMinutes(5)), this.clock);
		assertThat(limiter.waitFor("om")).isZero();
		assertThat(limiter.retainedKeys()).as("a look creates no bucket").isZero();
		assertThat(limiter.take("om")).isZero();
		assertThat(limiter.waitFor("om")).isPositive();
	}

}
