package nl.schakel.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import nl.schakel.crypto.CaseKeys;
import nl.schakel.ids.CaseId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases one case, all or nothing: destroys its data key (every ciphertext of the case,
 * in any table or backup, can no longer be opened), blanks the free text and ciphertext
 * it leaves in the live tables and their Envers {@code *_aud} copies, blanks the person
 * (name, birth date, BSN and its blind index, address — live and in history) once no
 * other case still needs them, and writes the proof of destruction. The disclosure log is
 * not touched: it never held those values, only ids, which become pseudonyms once the
 * person is blanked (see docs/audit.md).
 *
 * <p>
 * It writes with plain SQL: an erasure is not a change of content to be kept in history,
 * and the application role may update exactly the columns walked here (migration V66).
 */
@Service
public class CaseErasure {

	/** What blanked free text reads as. */
	static final String ERASED_TEXT = "[gewist]";

	/** What a blanked person's date of birth reads as (the column takes no null). */
	static final LocalDate ERASED_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	private static final Logger log = LoggerFactory.getLogger(CaseErasure.class);

	// The same criteria as the grants in V66: bytea and long varchar columns of every
	// table that
	// holds a case's data, never the disclosure log, the auditor's review items or our
	// own records.
	private static final String ERASABLE_COLUMNS = """
			select col.table_name, col.column_name, col.data_type
			  from information_schema.columns col
			 where col.table_schema = current_schema()
			   and (col.data_type = 'bytea'
			        or (col.data_type = 'character varying' and col.character_maximum_length >= 300))
			   and col.table_name not like 'disclosure\\_event%'
			   and col.table_name not in ('disclosure', 'disclosure_aud', 'disclosure_row', 'disclosure_block', 'review_item',
			                              'review_item_aud', 'security_event', 'case_key', 'destruction_proof',
			                              'retention_extension', 'retention_run', 'erasure_request')
			   and exists (select 1 from information_schema.tables t
			                where t.table_schema = col.table_schema and t.table_name = col.table_name
			                  and t.table_type = 'BASE TABLE')
			   and (col.table_name in ('case_file', 'case_file_aud')
			        or exists (select 1 from information_schema.columns k
			                    where k.table_schema = col.table_schema and k.table_name = col.table_name
			                      and k.column_name = 'case_id'))
			 order by col.table_name, col.column_name
			""";

	private final JdbcTemplate jdbc;

	private final CaseKeys caseKeys;

	private final Clock clock;

	private final RetentionSchedule schedule;

	CaseErasure(JdbcTemplate jdbc, CaseKeys caseKeys, Clock clock, RetentionSchedule schedule) {
		this.jdbc = jdbc;
		this.caseKeys = caseKeys;
		this.clock = clock;
		this.schedule = schedule;
	}

	/**
	 * Erases a case now.
	 * @param caseId the case
	 * @param kind why
	 * @param ruleId the retention rule, for a retention erasure; else {@code null}
	 * @param jobRunId the job run, or {@code null} when a coordinator asked
	 * @param requestedBy the coordinator, or {@code null} for the job
	 * @return the proof of destruction
	 * @throws CaseNotErasable if there is no such case
	 * @throws CaseErased if it was erased before
	 * @throws CaseNotDue if erased as retention due while the case is open or its
	 * retention (or an extension) has not run out
	 * @throws CaseUnderHold if erased on the person's request while an extension runs
	 */
	@Transactional
	public DestructionProof erase(CaseId caseId, ErasureKind kind, String ruleId, UUID jobRunId, String requestedBy) {
		return erase(caseId, kind, ruleId, jobRunId, requestedBy, this.clock);
	}

	/**
	 * As {@link #erase(UUID, ErasureKind, String, UUID, String)}, dated by the given
	 * clock (the job's).
	 */
	@Transactional
	public DestructionProof erase(CaseId caseId, ErasureKind kind, String ruleId, UUID jobRunId, String requestedBy,
			Clock at) {
		return erase(caseId.value(), kind, ruleId, jobRunId, requestedBy, at, false);
	}

	/**
	 * As {@link #erase(UUID, ErasureKind, String, UUID, String, Clock)}; for the person's
	 * request, {@code holdWeighed} says the coordinator's decision weighed a running
	 * retention extension and set it aside.
	 */
	@Transactional
	DestructionProof erase(UUID caseId, ErasureKind kind, String ruleId, UUID jobRunId, String requestedBy, Clock at,
			boolean holdWeighed) {
		// the case row locked: two erasures of one case queue, and the second finds it
		// erased
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select reference, person_id from case_file where id = ? for update", caseId);
		if (rows.isEmpty()) {
			throw new CaseNotErasable();
		}
		if (this.caseKeys.isDestroyed(caseId)) {
			throw new CaseErased(caseId);
		}
		String reference = (String) rows.get(0).get("reference");
		UUID personId = (UUID) rows.get(0).get("person_id");
		OffsetDateTime now = OffsetDateTime.now(at).withOffsetSameInstant(ZoneOffset.UTC);
		// Whether the case may go is decided here, on the locked row read afresh, not
		// on what a caller listed earlier: a case reopened or extended since is kept.
		String rule = ruleId;
		String holdSetAside = null;
		if (kind == ErasureKind.RETENTION_DUE) {
			DueErasure due = this.schedule.dueOf(caseId)
				.orElseThrow(() -> new CaseNotDue(caseId, "the case is not closed", null));
			if (due.dueOn().isAfter(now.toLocalDate())) {
				throw new CaseNotDue(caseId, "its retention runs until " + due.dueOn(), due.dueOn());
			}
			rule = due.ruleId();
		}
		else {
			Optional<RetentionExtension> hold = this.schedule.runningHold(caseId, now.toLocalDate());
			if (hold.isPresent() && !holdWeighed) {
				throw new CaseUnderHold(caseId, hold.get().until(), hold.get().reason());
			}
			if (hold.isPresent()) {
				holdSetAside = "retention extension until " + hold.get().until()
						+ " weighed against the person's request and set aside";
			}
		}

		this.caseKeys.destroy(caseId);
		Map<String, Integer> blanked = new TreeMap<>();
		for (Map<String, Object> column : this.jdbc.queryForList(ERASABLE_COLUMNS)) {
			String table = (String) column.get("table_name");
			String name = (String) column.get("column_name");
			boolean bytes = "bytea".equals(column.get("data_type"));
			String key = table.equals("case_file") || table.equals("case_file_aud") ? "id" : "case_id";
			int count = bytes
					? this.jdbc.update(
							"update " + quote(table) + " set " + quote(name) + " = ? where " + key + " = ? and "
									+ quote(name) + " is not null and length(" + quote(name) + ") > 0",
							new byte[0], caseId)
					: this.jdbc.update(
							"update " + quote(table) + " set " + quote(name) + " = ? where " + key + " = ? and "
									+ quote(name) + " is not null and " + quote(name) + " <> ?",
							ERASED_TEXT, caseId, ERASED_TEXT);
			if (count > 0) {
				blanked.merge(table, count, Integer::sum);
			}
		}
		// evaluation's clear copies of phase, age group and status go with the case
		int characteristics = this.jdbc.update("delete from evaluation_characteristic where case_id = ?", caseId);
		boolean personBlanked = blankPersonUnlessStillNeeded(personId, caseId);

		List<String> what = new ArrayList<>();
		what.add("case data key destroyed");
		if (holdSetAside != null) {
			what.add(holdSetAside);
		}
		blanked.forEach((table, count) -> what.add(table + ": " + count + " value(s) blanked"));
		if (characteristics > 0) {
			what.add("evaluation_characteristic: " + characteristics + " row(s) deleted");
		}
		what.add(personBlanked ? "person: name, date of birth, BSN, BSN index and address blanked (live and history)"
				: "person: kept, another case still needs them");
		DestructionProof proof = new DestructionProof(UUID.randomUUID(), caseId, reference, now, kind, rule, jobRunId,
				requestedBy, String.join("; ", what), null);
		this.jdbc.update(
				"insert into destruction_proof (id, case_id, case_reference, destroyed_at, kind, rule_id, "
						+ "job_run_id, requested_by, what) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				proof.id(), caseId, reference, now, kind.name(), rule, jobRunId, requestedBy, proof.what());
		log.info("Erased case {} ({}): {}", reference, kind, proof.what());
		return proof;
	}

	// A person may be the subject of several cases; their identity goes with the last
	// one. The person row is locked before counting: two erasures of the person's last
	// two cases, each holding only its own case row, would otherwise each see the other
	// case still alive and both keep the person. Locked, the second counts after the
	// first has committed its destroyed key, and blanks.
	private boolean blankPersonUnlessStillNeeded(UUID personId, UUID erasedCase) {
		this.jdbc.queryForList("select id from person where id = ? for update", personId);
		Integer others = this.jdbc
			.queryForObject("select count(*) from case_file c where c.person_id = ? and c.id <> ? "
					+ "and not exists (select 1 from case_key k where k.case_id = c.id and k.destroyed_at is not null)",
					Integer.class, personId, erasedCase);
		if (others != null && others > 0) {
			return false;
		}
		this.jdbc.update("update person set name = ?, date_of_birth = ?, bsn_ciphertext = null, bsn_index = null, "
				+ "address = null where id = ?", ERASED_TEXT, ERASED_BIRTH_DATE, personId);
		this.jdbc
			.update("update person_aud set name = ?, date_of_birth = null, bsn_ciphertext = null, bsn_index = null, "
					+ "address = null where id = ?", ERASED_TEXT, personId);
		return true;
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
