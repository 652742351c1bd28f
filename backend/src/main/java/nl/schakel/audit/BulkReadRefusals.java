package nl.schakel.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.schakel.disclosure.BulkReadRefused;
import nl.schakel.security.SecurityLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A case read refused for bulk reading becomes a security event and a "bulk access" item
 * in the review queue. The refused read's own transaction is rolled back, so both are
 * written in a transaction of their own once it has ended.
 */
@Component
class BulkReadRefusals {

	private static final Logger log = LoggerFactory.getLogger(BulkReadRefusals.class);

	/** What a review flag names in {@code policy-rules} to claim refused bulk reads. */
	static final String BULK_READ_RULE = "bulk-read-limit";

	private final ReviewItems items;

	private final ReviewFlags flags;

	private final SecurityLog securityLog;

	private final Clock clock;

	BulkReadRefusals(ReviewItems items, ReviewFlags flags, SecurityLog securityLog, Clock clock) {
		this.items = items;
		this.flags = flags;
		this.securityLog = securityLog;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(BulkReadRefused refused) {
		String limit = refused.readsPerHour() + "-per-hour-burst-" + refused.burst();
		this.securityLog.bulkReadRefused(refused.actor(), "bulk-read-limit-" + limit);
		Optional<ReviewFlags.Flag> flag = this.flags.policyFlagFor(BULK_READ_RULE);
		if (flag.isEmpty()) {
			log.warn("No review flag claims {}; the refused bulk read of {} is only a security event", BULK_READ_RULE,
					refused.actor());
			return;
		}
		String detail = "Bulk access: case reads refused above " + refused.readsPerHour() + " an hour (burst "
				+ refused.burst() + "), case " + refused.caseId();
		this.items.save(new ReviewItem(flag.get(), refused.actor(), refused.organisation(), List.of(), refused.at(),
				refused.at(), detail, Instant.now(this.clock)));
	}

}
