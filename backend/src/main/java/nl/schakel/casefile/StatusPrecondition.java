package nl.schakel.casefile;

import java.util.Optional;

import nl.schakel.ids.CaseId;

/**
 * A rule another feature holds about when a case may take a step: the plan of action, for
 * one, says a case enters PLAN only with an action and MONITORING only when every action
 * is done or cancelled. The case file asks every such rule before it moves a case,
 * without knowing the features that fill them (they depend on the case file, not the
 * other way round).
 */
public interface StatusPrecondition {

	/**
	 * Why the case may not move to the target status, or empty when it may. Asked only
	 * for a step the status machine allows.
	 */
	Optional<Refusal> refusal(CaseId id, CaseStatus from, CaseStatus to);

	/**
	 * Why a step is refused.
	 *
	 * @param type the stable problem type (a slug under the problems base)
	 * @param message one sentence for the coordinator, in English (the API's language)
	 * @param messageKey the message bundle key of the same sentence, for the pages
	 */
	record Refusal(String type, String message, String messageKey) {
	}

}
