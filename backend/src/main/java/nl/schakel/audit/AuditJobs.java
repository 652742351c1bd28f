package nl.schakel.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: seal what has settled, then scan the newly sealed rows for the review queue.
 * Every instance may run it; the database's advisory locks let one at a time do the work.
 * Off for command-line runs ({@code schakel.command}) and when {@code schakel.audit.jobs-enabled}
 * is false (tests call the sealer and scanner directly).
 */
@Component
@ConditionalOnExpression("${schakel.audit.jobs-enabled:true} and '${schakel.command:}' == ''")
class AuditJobs {

	private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);

	private final LogSealer sealer;

	private final ReviewScanner scanner;

	AuditJobs(LogSealer sealer, ReviewScanner scanner) {
		this.sealer = sealer;
		this.scanner = scanner;
	}

	@Scheduled(initialDelayString = "${schakel.audit.seal-interval:PT1M}",
			fixedDelayString = "${schakel.audit.seal-interval:PT1M}")
	void sealAndScan() {
		try {
			this.sealer.sealSettled();
			this.scanner.scanSealed();
		}
		catch (RuntimeException ex) {
			// the next run tries again; the log itself is never at risk here
			log.error("Sealing or review scan failed; retrying at the next run", ex);
		}
	}

}
