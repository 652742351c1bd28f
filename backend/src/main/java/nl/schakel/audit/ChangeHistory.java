package nl.schakel.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Envers history of a case and of a contribution, read with plain SQL from the
 * {@code *_aud} and {@code revision} tables. Values are shown only for columns on an
 * allow-list of metadata; every other column — ciphertext, conflict-of-duties answers,
 * reasons, any column added later — is compared in the database and reported as
 * "changed", so its value (or ciphertext) never leaves the database.
 */
@Component
class ChangeHistory {

	private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

	private static final Set<String> ENVERS_COLUMNS = Set.of("id", "rev", "revtype");

	/**
	 * Per audit table: the record name and the columns whose values an auditor may see.
	 */
	private static final Map<String, Table> TABLES = Map.of("case_file_aud",
			new Table("case",
					Set.of("reference", "reference_number", "person_id", "case_type", "status", "coordinator_username",
							"organisation_id", "opened_on", "closed_on", "triage_outcome")),
			"participation_aud",
			new Table("participant",
					Set.of("case_id", "organisation_code", "professionals", "purposes", "valid_until", "admitted_by",
							"admitted_at", "removed_by", "removed_at")),
			"contribution_aud",
			new Table("contribution", Set.of("case_id", "author", "author_organisation", "category", "legal_basis",
					"consent_id", "statutory_reference", "audience_organisations", "audience_domains", "created_at")));

	private final JdbcTemplate jdbc;

	ChangeHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The case record, its participants and its contributions, oldest change first. */
	List<HistoryEntry> ofCase(UUID caseId) {
		List<HistoryEntry> entries = new ArrayList<>();
		entries.addAll(history("case_file_aud", "id", caseId));
		entries.addAll(history("participation_aud", "case_id", caseId));
		entries.addAll(history("contribution_aud", "case_id", caseId));
		entries.sort(Comparator.comparingLong(HistoryEntry::revision).thenComparing(HistoryEntry::record));
		return entries;
	}

	List<HistoryEntry> ofContribution(UUID contributionId) {
		return history("contribution_aud", "id", contributionId);
	}

	/** The case a contribution belonged to (from its history, which outlives it). */
	java.util.Optional<UUID> caseOfContribution(UUID contributionId) {
		return this.jdbc
			.queryForList("select case_id from contribution_aud where id = ? and case_id is not null limit 1",
					UUID.class, contributionId)
			.stream()
			.findFirst();
	}

	java.util.Optional<UUID> personOfCase(UUID caseId) {
		return this.jdbc
			.queryForList("select person_id from case_file_aud where id = ? and person_id is not null limit 1",
					UUID.class, caseId)
			.stream()
			.findFirst();
	}

	private List<HistoryEntry> history(String tableName, String key, UUID value) {
		Table table = TABLES.get(tableName);
		List<String> columns = this.jdbc
			.queryForList("""
					select column_name from information_schema.columns
					where table_schema = current_schema() and table_name = ? order by ordinal_position""", String.class,
					tableName)
			.stream()
			.filter((column) -> !ENVERS_COLUMNS.contains(column) && COLUMN.matcher(column).matches())
			.toList();
		StringBuilder select = new StringBuilder("select a.id, a.rev, a.revtype, r.revision_time, r.actor, "
				+ "r.organisation, r.purpose, r.request_id, r.policy_version");
		for (String column : columns) {
			// changed: compared in the database, so a hidden value is never selected
			select.append(", (a.")
				.append(column)
				.append(" is distinct from lag(a.")
				.append(column)
				.append(") over w) as \"changed_")
				.append(column)
				.append('"');
			if (table.visible().contains(column)) {
				select.append(", a.").append(column).append("::text as \"value_").append(column).append('"');
			}
		}
		select.append(" from ")
			.append(tableName)
			.append(" a join revision r on r.id = a.rev where a.")
			.append(key)
			.append(" = ? window w as (partition by a.id order by a.rev) order by a.rev");
		return this.jdbc.query(select.toString(), (rs, i) -> {
			List<HistoryEntry.FieldChange> fields = new ArrayList<>();
			int revtype = rs.getInt("revtype");
			if (revtype != 2) {
				for (String column : columns) {
					if (rs.getBoolean("changed_" + column)) {
						boolean visible = table.visible().contains(column);
						fields.add(new HistoryEntry.FieldChange(column,
								visible ? rs.getString("value_" + column) : null, !visible));
					}
				}
			}
			return new HistoryEntry(table.record(), rs.getObject("id", UUID.class), rs.getLong("rev"),
					Instant.ofEpochMilli(rs.getLong("revision_time")), rs.getString("actor"),
					rs.getString("organisation"), rs.getString("purpose"), rs.getString("request_id"),
					rs.getString("policy_version"), switch (revtype) {
						case 0 -> "ADDED";
						case 2 -> "DELETED";
						default -> "CHANGED";
					}, List.copyOf(fields));
		}, value);
	}

	private record Table(String record, Set<String> visible) {
	}

}
