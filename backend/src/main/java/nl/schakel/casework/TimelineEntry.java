package nl.schakel.casework;

import java.time.Instant;
import java.util.UUID;

import nl.schakel.disclosure.ErasedContent;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;

/**
 * One contribution on the case page: who holds it, what kind it is and when, and either
 * its content, why it is not shown (the rule that decided), or when and under which
 * retention rule its content was erased.
 */
public record TimelineEntry(UUID id, String holder, String holderName, DataCategory category, Instant createdAt,
		Decision decision, String content, String ruleId, String reason, boolean flagged, ErasedContent erased) {

	public TimelineEntry(UUID id, String holder, String holderName, DataCategory category, Instant createdAt,
			Decision decision, String content, String ruleId, String reason, boolean flagged) {
		this(id, holder, holderName, category, createdAt, decision, content, ruleId, reason, flagged, null);
	}

	/** Whether its content was erased under its category's retention period. */
	public boolean contentErased() {
		return this.erased != null;
	}

	public boolean shown() {
		return this.decision == Decision.PERMIT;
	}

	@Override
	public String toString() {
		return "TimelineEntry[" + this.id + " " + this.decision + "]";
	}

}
