package nl.schakel.disclosure;

import java.util.Optional;

import nl.schakel.policy.Decision;
import nl.schakel.policy.PolicyDecision;

/**
 * What the reader gets for one item: the decision (with the rule that made it, to answer
 * "why can't I see this?") and the content only when the decision permits it. A permitted
 * item whose content was erased under its category's retention period has no content and
 * says when and under which rule it was erased.
 */
public record Outcome(DisclosableItem item, PolicyDecision decision, Optional<String> content, ErasedContent erased) {

	public Outcome(DisclosableItem item, PolicyDecision decision, Optional<String> content) {
		this(item, decision, content, null);
	}

	/** Whether the item's content was erased under a retention period. */
	public boolean contentErased() {
		return this.erased != null;
	}

	public boolean permitted() {
		return this.decision.effect() == Decision.PERMIT;
	}

	public boolean denied() {
		return this.decision.effect() == Decision.DENY;
	}

	@Override
	public String toString() {
		// content never goes into a log line
		return "Outcome[" + this.item.kind() + " " + this.item.id() + " " + this.decision.effect() + " by "
				+ this.decision.ruleId() + "]";
	}

}
