package nl.schakel.policy;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why the policy decided as it did, in the reader's language, for the "waarom zie ik dit
 * niet?" of a page ({@code ${@ruleExplanations.of(ruleId)}} in a template): the
 * explanation {@code access-policy.yaml} gives the rule, the message bundle's words for
 * the policy's own decisions (nothing matched, unknown purpose). Never the rule's id:
 * that is for the auditor's log, not for the professional's eye.
 */
@Component("ruleExplanations")
public class RuleExplanations {

	private final Policy policy;

	private final MessageSource messages;

	RuleExplanations(Policy policy, MessageSource messages) {
		this.policy = policy;
		this.messages = messages;
	}

	/** The explanation of the rule with this id, in the reader's language. */
	public String of(String ruleId) {
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		return this.policy.rules()
			.stream()
			.filter((rule) -> rule.id().equals(ruleId))
			.findFirst()
			.map((rule) -> english ? rule.explanationEn() : rule.explanationNl())
			.orElseGet(() -> this.messages.getMessage("rule." + ruleId, null,
					this.messages.getMessage("rule.other", null, LocaleContextHolder.getLocale()),
					LocaleContextHolder.getLocale()));
	}

}
