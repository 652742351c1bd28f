package nl.schakel.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the review scan and the sealing job pace themselves.
 *
 * @param batchRows the most log rows one scan transaction reads; its checkpoint commits
 * with it
 * @param batchTime the most time one scan transaction may take, well inside the
 * connections' 60 s transaction timeout; a batch that takes longer is rolled back and
 * retried smaller
 * @param contextRows the most earlier rows of one professional a batch reads to fill the
 * look-back window of a rule (bursts of refusals, many persons), newest first
 * @param interval how often the scan runs
 * @param stalledAfter after how many intervals without progress, while work is waiting, a
 * job counts as stalled (health degraded, a metric, a security event, the auditor's page)
 */
@ConfigurationProperties("schakel.audit.scan")
public record ReviewScanProperties(@DefaultValue("5000") int batchRows, @DefaultValue("PT10S") Duration batchTime,
		@DefaultValue("20000") int contextRows, @DefaultValue("PT1M") Duration interval,
		@DefaultValue("3") int stalledAfter) {

	public ReviewScanProperties {
		if (batchRows < 1 || batchRows > 100_000) {
			throw new IllegalArgumentException("schakel.audit.scan.batch-rows must be between 1 and 100000");
		}
		if (batchTime == null || batchTime.isNegative() || batchTime.isZero() || batchTime.getSeconds() >= 50) {
			throw new IllegalArgumentException(
					"schakel.audit.scan.batch-time must lie between 0 and 50 s, inside the 60 s transaction timeout");
		}
		if (contextRows < 1) {
			throw new IllegalArgumentException("schakel.audit.scan.context-rows must be at least 1");
		}
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("schakel.audit.scan.interval must be positive, e.g. PT1M");
		}
		if (stalledAfter < 1) {
			throw new IllegalArgumentException("schakel.audit.scan.stalled-after must be at least 1");
		}
	}

}
