package nl.schakel.retention;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A closed case and the day its retention runs out: the latest period that applies to it
 * (its outcome's, and each of its data categories'), or a recorded extension if that is
 * later.
 *
 * @param caseId the case
 * @param caseReference its reference number
 * @param closedOn when it was closed (the event the periods count from)
 * @param ruleId the retention rule that holds it longest
 * @param dueOn the first day it may be erased
 * @param extendedUntil the latest recorded extension, or {@code null}
 * @param extensionReason that extension's reason, or {@code null}
 */
public record DueErasure(UUID caseId, String caseReference, LocalDate closedOn, String ruleId, LocalDate dueOn,
		LocalDate extendedUntil, String extensionReason) {
}
