package nl.schakel.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A disclosure row as it is sealed: every column of the log, metadata only (the log holds
 * no content).
 */
record SealedRow(long seq, String id, Instant occurredAt, String actor, String actorOrganisation, String actorRole,
		String caseId, String personId, String itemKind, String itemId, String category, String purpose,
		String legalBasis, String ruleId, String policyVersion, String decision, String channel, String requestId,
		boolean flagged, Instant insertedAt, String correlationId, String consentId) {

	/** The columns in the order {@link #read(ResultSet)} expects. */
	static final String COLUMNS = "seq, id::text, occurred_at, actor, actor_organisation, actor_role, case_id::text, "
			+ "person_id::text, item_kind, item_id::text, category, purpose, legal_basis, rule_id, policy_version, "
			+ "decision, channel, request_id, flagged, inserted_at, correlation_id, consent_id::text";

	static SealedRow read(ResultSet rs) throws SQLException {
		return new SealedRow(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
				rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
				rs.getString(17), rs.getString(18), rs.getBoolean(19), instant(rs, 20), rs.getString(21),
				rs.getString(22));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

}
