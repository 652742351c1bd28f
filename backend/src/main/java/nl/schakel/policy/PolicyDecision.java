package nl.schakel.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of {@link Policy#decide(AccessRequest)}: what to show, which rule decided
 * and what must happen besides. The rule id and the policy version go into the disclosure
 * log; the rule description answers a user's "why can't I see this?".
 *
 * @param effect what the reader may see
 * @param ruleId the id of the rule that decided, or {@value Policy#DEFAULT_DENY_RULE_ID}
 * @param obligations what the gate must do; always contains {@link Obligation#RECORD}
 * @param version the version of the policy that decided
 * @param ruleDescription the deciding rule's description, in the words of the policy file
 */
public record PolicyDecision(Decision effect, String ruleId, Set<Obligation> obligations, PolicyVersion version,
		String ruleDescription) {

	public PolicyDecision {
		Objects.requireNonNull(effect, "effect");
		Objects.requireNonNull(ruleId, "ruleId");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(ruleDescription, "ruleDescription");
		EnumSet<Obligation> all = EnumSet.of(Obligation.RECORD);
		all.addAll(obligations);
		obligations = Collections.unmodifiableSet(all);
	}

	/** Whether the reader may see the content. */
	public boolean permitsContent() {
		return this.effect == Decision.PERMIT;
	}

	/** Whether the disclosure goes to the privacy officer's review queue. */
	public boolean requiresReview() {
		return this.obligations.contains(Obligation.FLAG_FOR_REVIEW);
	}

}
