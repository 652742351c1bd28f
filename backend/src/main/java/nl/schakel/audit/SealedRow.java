package nl.schakel.audit;

import java.time.Instant;

/**
 * A disclosure row as it is sealed: every column of the log, metadata only (the log holds
 * no content).
 */
record SealedRow(long seq, String id, Instant occurredAt, String actor, String actorOrganisation, String actorRole,
		String caseId, String personId, String itemKind, String itemId, String category, String purpose,
		String legalBasis, String ruleId, String policyVersion, String decision, String channel, String requestId,
		boolean flagged, Instant insertedAt, String correlationId, String consentId) {
}
