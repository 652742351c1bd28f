package nl.schakel.casework;

import java.time.Instant;
import java.util.UUID;

import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;

/**
 * One contribution on the case page: who holds it, what kind it is and when, and either
 * its content or why it is not shown (the rule that decided).
 */
public record TimelineEntry(UUID id, String holder, String holderName, DataCategory category, Instant createdAt,
		Decision decision, String content, String ruleId, String reason, boolean flagged) {

	public boolean shown() {
		return this.decision == Decision.PERMIT;
	}

	@Override
	public String toString() {
		return "TimelineEntry[" + this.id + " " + this.decision + "]";
	}

}
