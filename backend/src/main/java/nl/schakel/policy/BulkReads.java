package nl.schakel.policy;

import java.time.Duration;

/**
 * How many case reads one professional may make: {@code caseReadsPerHour} on average, and
 * at most {@code burst} at once (a bucket of {@code burst} reads that refills at the
 * hourly rate). The {@code bulk-reads} section of {@code access-policy.yaml}; without it,
 * no limit.
 *
 * @param caseReadsPerHour the reads an hour that refill the bucket
 * @param burst the reads one professional may make at once
 */
public record BulkReads(int caseReadsPerHour, int burst) {

	/** No limit: a policy without a {@code bulk-reads} section. */
	public static final BulkReads UNLIMITED = new BulkReads(Integer.MAX_VALUE, Integer.MAX_VALUE);

	public BulkReads {
		if (caseReadsPerHour < 1 || burst < 1) {
			throw new IllegalArgumentException("case reads per hour and burst must be positive");
		}
	}

	public boolean limited() {
		return !equals(UNLIMITED);
	}

	/** The time one read takes to come back into the bucket. */
	public Duration refillEvery() {
		return Duration.ofNanos(Duration.ofHours(1).toNanos() / this.caseReadsPerHour);
	}

}
