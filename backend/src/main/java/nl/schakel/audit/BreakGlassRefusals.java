package nl.schakel.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.schakel.participation.BreakGlassOpeningRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A refused emergency access (the day's limit reached) goes into the review queue under
 * the break-glass flag rule, in the same transaction as the refusal's security event.
 */
@Component
class BreakGlassRefusals {

	private static final Logger log = LoggerFactory.getLogger(BreakGlassRefusals.class);

	/** The access-policy rule whose reads the break-glass flag claims. */
	static final String BREAK_GLASS_RULE = "break-glass-read";

	private final ReviewItems items;

	private final ReviewFlags flags;

	private final Clock clock;

	BreakGlassRefusals(ReviewItems items, ReviewFlags flags, Clock clock) {
		this.items = items;
		this.flags = flags;
		this.clock = clock;
	}

	@EventListener
	void refused(BreakGlassOpeningRefused refused) {
		Optional<ReviewFlags.Flag> flag = this.flags.policyFlagFor(BREAK_GLASS_RULE);
		if (flag.isEmpty()) {
			log.warn("No review flag claims {}; the refused emergency access of {} is only a security event",
					BREAK_GLASS_RULE, refused.actor());
			return;
		}
		String detail = "Emergency access refused: more than " + refused.limit() + " openings in 24 hours (case "
				+ refused.caseId() + ")";
		this.items.save(new ReviewItem(flag.get(), refused.actor(), refused.organisation(), List.of(), refused.at(),
				refused.at(), detail, Instant.now(this.clock)));
	}

}
