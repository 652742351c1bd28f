package nl.schakel.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.ids.CaseId;
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

	private final RetentionSchedule schedule;

	CaseErasureRequests(CaseErasure erasure, JdbcTemplate jdbc, Clock clock, RetentionSchedule schedule) {
		this.erasure = erasure;
		this.jdbc = jdbc;
		this.clock = clock;
		this.schedule = schedule;
	}

	/**
	 * @param holdWeighed for a granted request of the person while a retention extension
	 * (a pending legal procedure) runs: {@code true} records that the decision weighed
	 * that hold and sets it aside; without it such a request is refused with
	 * {@link CaseUnderHold} and nothing is recorded
	 * @return the proof, or empty when the person's request was refused (the refusal is
	 * recorded)
	 * @throws CaseNotDue for a retention erasure of a case that is open or not yet due
	 */
	@Transactional
	public Optional<DestructionProof> erase(Actor coordinator, CaseId caseId, String kindValue, String reason,
			String decision, Boolean holdWeighed) {
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
		requireOwnHouse(coordinator, caseId.value());
		Optional<RetentionExtension> hold = Optional.empty();
		if ("GRANTED".equals(granted)) {
			// locked as the erasure and an extension lock it, so the hold weighed here is
			// the one the erasure finds
			this.jdbc.queryForList("select id from case_file where id = ? for update", caseId.value());
			hold = this.schedule.runningHold(caseId.value(), LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
			if (hold.isPresent() && !Boolean.TRUE.equals(holdWeighed)) {
				throw new CaseUnderHold(caseId.value(), hold.get().until(), hold.get().reason());
			}
		}
		if (granted != null) {
			this.jdbc.update(
					"insert into erasure_request (id, case_id, kind, reason, decision, decided_by, decided_at, "
							+ "hold_weighed_until) values (?, ?, 'ERASURE', ?, ?, ?, ?, ?)",
					UUID.randomUUID(), caseId.value(), reason.strip(), granted, coordinator.username(),
					OffsetDateTime.now(this.clock), hold.map(RetentionExtension::until).orElse(null));
			if (granted.equals("REFUSED")) {
				return Optional.empty();
			}
		}
		return Optional.of(this.erasure.erase(caseId.value(), kind, null, null, coordinator.username(), this.clock,
				hold.isPresent()));
	}

	void requireOwnHouse(Actor coordinator, UUID caseId) {
		requireOwnHouse(this.jdbc, coordinator, caseId);
	}

	// One answer for "no such case" and "another house's case", so nothing leaks through
	// the reply.
	static void requireOwnHouse(JdbcTemplate jdbc, Actor coordinator, UUID caseId) {
		List<Boolean> own = jdbc.queryForList(
				"select o.code = ? from case_file c join organisation o "
						+ "on o.id = c.organisation_id where c.id = ?",
				Boolean.class, coordinator.organisation(), caseId);
		if (own.isEmpty() || !own.get(0)) {
			throw new CaseNotErasable();
		}
	}

}
