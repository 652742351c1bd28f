package nl.schakel.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the disclosure log as an auditor sees it: who received what kind of item of
 * which case and person, why, and the decision. Metadata only: the log holds no content.
 */
public record DisclosureEntry(UUID id, Instant occurredAt, String actor, String actorOrganisation, String actorRole,
		UUID caseId, String caseReference, UUID personId, String itemKind, UUID itemId, String category, String purpose,
		String legalBasis, String ruleId, String policyVersion, String decision, String channel, String requestId,
		boolean flagged) {
}
