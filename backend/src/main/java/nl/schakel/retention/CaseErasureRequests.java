package nl.schakel.retention;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.security.Actor;
import nl.schakel.security.Role;
import nl.schakel.web.InvalidInput;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator erases a case of their own safety house at once: because its retention
 * period ran out, or on the person's request (AVG art. 17), whose decision is recorded
 * either way.
 */
@Service
public class CaseErasureRequests {

	private final CaseErasure erasure;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CaseErasureRequests(CaseErasure erasure, JdbcTemplate jdbc, Clock clock) {
		this.erasure = erasure;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return the proof, or empty when the person's request was refused (the refusal is
	 * recorded)
	 */
	@Transactional
	public Optional<DestructionProof> erase(Actor coordinator, UUID caseId, String kindValue, String reason,
			String decision) {
		if (!coordinator.has(Role.COORDINATOR)) {
			throw new AccessDeniedException("Only the coordinator of the case's safety house erases a case");
		}
		ErasureKind kind = ErasureKind.parse(kindValue);
		if (kind == null) {
			throw InvalidInput.of("kind", "Name the kind of erasure: RETENTION_DUE or PERSON_REQUEST");
		}
		if (reason == null || reason.isBlank()) {
			throw InvalidInput.of("reason", "Give the reason for the erasure");
		}
		if (reason.length() > 2000) {
			throw InvalidInput.of("reason", "The reason is at most 2000 characters");
		}
		String granted = null;
		if (kind == ErasureKind.PERSON_REQUEST) {
			granted = (decision == null) ? null : decision.strip().toUpperCase(java.util.Locale.ROOT);
			if (!"GRANTED".equals(granted) && !"REFUSED".equals(granted)) {
				throw InvalidInput.of("decision", "Record the decision on the person's request: GRANTED or REFUSED");
			}
		}
		requireOwnHouse(coordinator, caseId);
		if (granted != null) {
			this.jdbc.update(
					"insert into erasure_request (id, case_id, kind, reason, decision, decided_by, decided_at) "
							+ "values (?, ?, 'ERASURE', ?, ?, ?, ?)",
					UUID.randomUUID(), caseId, reason.strip(), granted, coordinator.username(),
					OffsetDateTime.now(this.clock));
			if (granted.equals("REFUSED")) {
				return Optional.empty();
			}
		}
		return Optional.of(this.erasure.erase(caseId, kind, null, null, coordinator.username()));
	}

	// One answer for "no such case" and "another house's case", so nothing leaks through
	// the reply.
	void requireOwnHouse(Actor coordinator, UUID caseId) {
		List<Boolean> own = this.jdbc.queryForList(
				"select o.code = ? from case_file c join organisation o "
						+ "on o.id = c.organisation_id where c.id = ?",
				Boolean.class, coordinator.organisation(), caseId);
		if (own.isEmpty() || !own.get(0)) {
			throw new CaseNotErasable();
		}
	}

}
