package nl.schakel.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A review item as the auditor sees it: which rule, which professional, which disclosures
 * (by id: metadata in the log), when due, and the finding once reviewed.
 */
public record ReviewView(UUID id, String flagRule, String kind, String actor, String actorOrganisation,
		List<UUID> disclosureIds, Instant firstOccurredAt, Instant lastOccurredAt, String detail, Instant createdAt,
		Instant dueAt, String state, boolean overdue, Finding finding, String comment, String reviewedBy,
		Instant reviewedAt) {
}
