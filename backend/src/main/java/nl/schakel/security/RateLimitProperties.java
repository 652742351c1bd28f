package nl.schakel.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code schakel.rate-limit}: how many login attempts and person searches are allowed.
 * Each limit is a token bucket: {@code capacity} attempts at once, refilled evenly over
 * {@code period}.
 *
 * @param enabled off only for experiments; the default is on
 * @param loginPerUsername login attempts per account name, whoever sends them
 * @param loginPerClient login attempts per client IP address, whatever the account name
 * @param personSearch person searches (known-to checks) per signed-in user
 */
@ConfigurationProperties("schakel.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Limit loginPerUsername, Limit loginPerClient,
		Limit personSearch) {

	RateLimitProperties {
		loginPerUsername = (loginPerUsername != null) ? loginPerUsername : new Limit(10, Duration.ofMinutes(5));
		loginPerClient = (loginPerClient != null) ? loginPerClient : new Limit(30, Duration.ofMinutes(5));
		personSearch = (personSearch != null) ? personSearch : new Limit(30, Duration.ofMinutes(10));
	}

	/**
	 * One token bucket.
	 *
	 * @param capacity attempts allowed at once
	 * @param period time to refill the whole capacity
	 */
	record Limit(int capacity, Duration period) {

		Limit {
			if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
				throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive period");
			}
		}

	}

}
