package nl.schakel.retention;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import nl.schakel.crypto.CaseKeys;
import nl.schakel.policy.DataCategory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases one data category's content inside a case that is kept, all or nothing: for the
 * case's contributions, minutes and assessment ratings of that category it blanks the
 * sealed values and long free text (the same columns a whole-case erasure blanks) in the
 * live tables and their Envers {@code *_aud} copies, marks each item erased
 * ({@code content_erasure}: when, which rule, which job run) so the case page shows the
 * item as erased instead of failing to open it, drops evaluation's clear copies of the
 * erased ratings, and writes a proof of destruction for the case and category. The case
 * key stays: the rest of the case is still read through the gate, and reads of the erased
 * items are still logged, as metadata.
 *
 * <p>
 * Decided on the case row locked and read afresh, like {@link CaseErasure}: a case
 * reopened, extended or erased since the job listed it is left as it now stands.
 */
@Service
public class CategoryErasure {

	/** The tables whose rows carry a data category: each row one item of case content. */
	static final List<String> CATEGORISED = List.of("contribution", "minutes", "assessment_rating");

	private static final Logger log = LoggerFactory.getLogger(CategoryErasure.class);

	// the columns a whole-case erasure blanks (V66 grants the update on exactly these),
	// of
	// one table and its history copy
	private static final String ERASABLE_COLUMNS = """
			select col.table_name, col.column_name, col.data_type
			  from information_schema.columns col
			 where col.table_schema = current_schema()
			   and col.table_name in (?, ?)
			   and (col.data_type = 'bytea'
			        or (col.data_type = 'character varying' and col.character_maximum_length >= 300))
			 order by col.table_name, col.column_name
			""";

	private final JdbcTemplate jdbc;

	private final CaseKeys caseKeys;

	private final RetentionSchedule schedule;

	CategoryErasure(JdbcTemplate jdbc, CaseKeys caseKeys, RetentionSchedule schedule) {
		this.jdbc = jdbc;
		this.caseKeys = caseKeys;
		this.schedule = schedule;
	}

	/**
	 * Erases a category's content in a case whose period for that category ran out.
	 * @param caseId the case
	 * @param category the data category
	 * @param jobRunId the retention job run
	 * @param at the job's clock
	 * @return the proof of destruction
	 * @throws CaseNotErasable if there is no such case
	 * @throws CaseErased if the whole case was erased meanwhile
	 * @throws CaseNotDue if the category is not (or no longer) due: the case reopened,
	 * extended, or nothing of the category left
	 */
	@Transactional
	public DestructionProof erase(UUID caseId, DataCategory category, UUID jobRunId, Clock at) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select reference from case_file where id = ? for update", caseId);
		if (rows.isEmpty()) {
			throw new CaseNotErasable();
		}
		if (this.caseKeys.isDestroyed(caseId)) {
			throw new CaseErased(caseId);
		}
		String reference = (String) rows.get(0).get("reference");
		OffsetDateTime now = OffsetDateTime.now(at).withOffsetSameInstant(ZoneOffset.UTC);
		DueCategoryErasure due = this.schedule.categoryDueOf(caseId, category)
			.orElseThrow(() -> new CaseNotDue(caseId, "its " + category + " content is not due", null));
		if (due.dueOn().isAfter(now.toLocalDate())) {
			throw new CaseNotDue(caseId, "its " + category + " content is kept until " + due.dueOn(), due.dueOn());
		}

		Map<String, Integer> blanked = new TreeMap<>();
		int items = 0;
		int characteristics = 0;
		for (String table : CATEGORISED) {
			List<UUID> ids = this.jdbc.queryForList("select t.id from " + table + " t where t.case_id = ? "
					+ "and t.category = ? and not exists (select 1 from content_erasure e where e.item_id = t.id)",
					UUID.class, caseId, category.name());
			if (ids.isEmpty()) {
				continue;
			}
			UUID[] array = ids.toArray(UUID[]::new);
			for (Map<String, Object> column : this.jdbc.queryForList(ERASABLE_COLUMNS, table, table + "_aud")) {
				int count = blank((String) column.get("table_name"), (String) column.get("column_name"),
						"bytea".equals(column.get("data_type")), array);
				if (count > 0) {
					blanked.merge((String) column.get("table_name"), count, Integer::sum);
				}
			}
			for (UUID id : ids) {
				this.jdbc.update(
						"insert into content_erasure (item_id, case_id, item_table, category, erased_at, "
								+ "rule_id, job_run_id) values (?, ?, ?, ?, ?, ?, ?)",
						id, caseId, table, category.name(), now, due.ruleId(), jobRunId);
			}
			items += ids.size();
			if (table.equals("assessment_rating")) {
				// evaluation's clear copies of the erased ratings go with them
				characteristics += this.jdbc.update("delete from evaluation_characteristic where rating_id = any (?)",
						(Object) array);
			}
		}

		List<String> what = new ArrayList<>();
		what.add(category + ": " + items + " item(s) erased; case data key kept");
		blanked.forEach((table, count) -> what.add(table + ": " + count + " value(s) blanked"));
		if (characteristics > 0) {
			what.add("evaluation_characteristic: " + characteristics + " row(s) deleted");
		}
		DestructionProof proof = new DestructionProof(UUID.randomUUID(), caseId, reference, now,
				ErasureKind.RETENTION_DUE, due.ruleId(), jobRunId, null, String.join("; ", what), category);
		this.jdbc.update(
				"insert into destruction_proof (id, case_id, case_reference, destroyed_at, kind, rule_id, "
						+ "job_run_id, requested_by, what, category) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				proof.id(), caseId, reference, now, proof.kind().name(), proof.ruleId(), jobRunId, null, proof.what(),
				category.name());
		log.info("Erased {} content of case {}: {}", category, reference, proof.what());
		return proof;
	}

	// the item's rows, and every history copy of them (matched by the item id, whatever
	// the copy says its category was)
	private int blank(String table, String column, boolean bytes, UUID[] ids) {
		String name = "\"" + column.replace("\"", "\"\"") + "\"";
		return bytes
				? this.jdbc.update("update " + table + " set " + name + " = ? where id = any (?) and " + name
						+ " is not null and length(" + name + ") > 0", new byte[0], ids)
				: this.jdbc.update("update " + table + " set " + name + " = ? where id = any (?) and " + name
						+ " is not null and " + name + " <> ?", CaseErasure.ERASED_TEXT, ids, CaseErasure.ERASED_TEXT);
	}

}
