package nl.schakel.audit;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the auditor workspace.
 *
 * @param retention how long the disclosure log is kept at least; refused below five years
 * @param sealLag how old a row must be before it is sealed: longer than the longest
 * possible transaction (the connections' {@code transaction_timeout}, 60 s) plus a
 * margin, so a row that commits late can never fall into a block sealed before it
 * @param blockSize the most rows in one block
 * @param jobsEnabled whether this instance runs the sealing and review-scan schedule (the
 * jobs take a database lock, so running them on every instance is safe)
 * @param exportLimit the most rows in one CSV export
 */
@ConfigurationProperties("schakel.audit")
public record AuditProperties(@DefaultValue("P5Y") Period retention, @DefaultValue("PT90S") Duration sealLag,
		@DefaultValue("10000") int blockSize, @DefaultValue("true") boolean jobsEnabled,
		@DefaultValue("100000") int exportLimit) {

	/** The legal minimum the log is kept for. */
	static final Period MINIMUM_RETENTION = Period.ofYears(5);

	public AuditProperties {
		if (retention == null || isShorterThanMinimum(retention)) {
			throw new IllegalArgumentException(
					"schakel.audit.retention is " + retention + ", but the disclosure log must be kept at least "
							+ MINIMUM_RETENTION + " (five years); Schakel does not start with a shorter retention");
		}
		if (sealLag == null || sealLag.isNegative()) {
			throw new IllegalArgumentException("schakel.audit.seal-lag must be zero or more, e.g. PT90S");
		}
		if (blockSize < 1 || blockSize > 100_000) {
			throw new IllegalArgumentException("schakel.audit.block-size must be between 1 and 100000");
		}
		if (exportLimit < 1) {
			throw new IllegalArgumentException("schakel.audit.export-limit must be at least 1");
		}
	}

	static boolean isShorterThanMinimum(Period retention) {
		// periods mix years, months and days: compare them on the calendar from a fixed
		// date
		LocalDate start = LocalDate.of(2001, 1, 1);
		return start.plus(retention).isBefore(start.plus(MINIMUM_RETENTION));
	}

}
