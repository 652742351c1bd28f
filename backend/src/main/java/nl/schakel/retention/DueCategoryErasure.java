package nl.schakel.retention;

import java.time.LocalDate;
import java.util.UUID;

import nl.schakel.policy.DataCategory;

/**
 * One data category of a closed case whose own retention period runs out before the
 * case's: its content in the case is erased on that day, the rest of the case is kept.
 *
 * @param caseId the case
 * @param caseReference its reference number
 * @param closedOn when it was closed (the event the periods count from)
 * @param category the data category
 * @param ruleId the category's own rule in {@code retention.yaml}
 * @param dueOn the first day the category's content may be erased (a recorded extension
 * of the case holds it too)
 * @param caseDueOn the day the whole case is due
 */
public record DueCategoryErasure(UUID caseId, String caseReference, LocalDate closedOn, DataCategory category,
		String ruleId, LocalDate dueOn, LocalDate caseDueOn) {
}
