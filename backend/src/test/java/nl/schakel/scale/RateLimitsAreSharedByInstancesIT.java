package nl.schakel.scale;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import nl.schakel.security.SharedTokenBuckets;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behind a load balancer share one allowance: an attacker whose password
 * guesses (or case reads) are spread over both gets the policy's amount once, not twice,
 * even when the attempts arrive at the same moment. The buckets hold no account name in
 * clear.
 */
@IntegrationTest
class RateLimitsAreSharedByInstancesIT {

	static final int CAPACITY = 5;

	static final SharedTokenBuckets.Refill SLOW = new SharedTokenBuckets.Refill(CAPACITY, Duration.ofHours(1));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Test
	void attemptsSpreadOverTwoInstancesAtTheSameMomentAreAllowedThePolicysAmountOnce() throws Exception {
		SharedTokenBuckets first = instance();
		SharedTokenBuckets second = instance();
		String account = "raadsel-" + System.nanoTime();
		AtomicInteger allowed = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Void>> attackers = new ArrayList<>();
		for (SharedTokenBuckets instance : List.of(first, second, first, second)) {
			attackers.add(CompletableFuture.runAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				for (int i = 0; i < 5; i++) {
					if (instance.take(account, CAPACITY, SLOW).isZero()) {
						allowed.incrementAndGet();
					}
				}
			}));
		}
		start.countDown();
		CompletableFuture.allOf(attackers.toArray(CompletableFuture[]::new)).get();

		assertThat(allowed).as("20 attempts over two instances").hasValue(CAPACITY);
		assertThat(second.waitFor(account, CAPACITY, SLOW)).as("either instance makes the next one wait").isPositive();
		assertThat(first.take(account, CAPACITY, SLOW)).isPositive();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from rate_limit_bucket where position(convert_to(?, 'UTF8') in key_hash) > 0",
				Long.class, account))
			.as("the account name is not stored")
			.isZero();
	}

	@Test
	void aRefusalIsRecordedOnceAnHourWhicheverInstanceRefuses() {
		SharedTokenBuckets first = instance();
		SharedTokenBuckets second = instance();
		String reader = "veellezer-" + System.nanoTime();
		for (int i = 0; i <= CAPACITY; i++) {
			first.take(reader, CAPACITY, SLOW);
		}
		assertThat(second.firstRefusalIn(reader, Duration.ofHours(1))).isTrue();
		assertThat(first.firstRefusalIn(reader, Duration.ofHours(1))).isFalse();
		assertThat(second.firstRefusalIn(reader, Duration.ofHours(1))).isFalse();
	}

	@Test
	void anEmptiedBucketRefillsAtItsRateAndNeverBeyondItsCapacity() {
		// one token every 12 minutes
		// to the microsecond, as the bucket's row keeps it
		MutableClock now = new MutableClock(this.clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
		SharedTokenBuckets buckets = new SharedTokenBuckets("bulk-reads", this.jdbc, this.transactions, now);
		String reader = "geduldig-" + System.nanoTime();
		for (int i = 0; i < CAPACITY; i++) {
			assertThat(buckets.take(reader, CAPACITY, SLOW)).as("take %d of a full bucket", i + 1).isZero();
		}
		Duration wait = buckets.take(reader, CAPACITY, SLOW);
		assertThat(wait).as("empty: the next token is 12 minutes away")
			.isBetween(Duration.ofMinutes(12).minusSeconds(1), Duration.ofMinutes(12));

		now.advance(Duration.ofMinutes(11));
		assertThat(buckets.take(reader, CAPACITY, SLOW)).as("a refusal spends nothing: a minute to go")
			.isBetween(Duration.ofSeconds(59), Duration.ofMinutes(1));
		now.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(buckets.take(reader, CAPACITY, SLOW)).as("refilled by one").isZero();
		assertThat(buckets.take(reader, CAPACITY, SLOW)).as("and only one").isPositive();

		now.advance(Duration.ofDays(1));
		for (int i = 0; i < CAPACITY; i++) {
			assertThat(buckets.take(reader, CAPACITY, SLOW)).as("after a day, take %d", i + 1).isZero();
		}
		assertThat(buckets.take(reader, CAPACITY, SLOW)).as("a day refills the capacity, no more").isPositive();
	}

	private SharedTokenBuckets instance() {
		return new SharedTokenBuckets("bulk-reads", this.jdbc, this.transactions, this.clock);
	}

}
