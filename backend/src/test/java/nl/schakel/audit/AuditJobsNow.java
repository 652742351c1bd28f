package nl.schakel.audit;

import org.springframework.context.ApplicationContext;

/**
 * Seals the log and scans it for review items at once, for tests outside this package
 * (the test profile switches the schedule off, and the sealer and scanner are
 * package-private).
 */
public final class AuditJobsNow {

	private AuditJobsNow() {
	}

	public static void sealAndScan(ApplicationContext context) {
		context.getBean(LogSealer.class).sealSettled();
		context.getBean(ReviewScanner.class).scanSealed();
	}

}
