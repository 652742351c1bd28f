package nl.schakel.retention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.schakel.policy.DataCategory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The proofs of destruction, for auditors: searchable by date, rule and kind. Never
 * content.
 */
@Service
@PreAuthorize("hasRole('AUDITOR')")
public class DestructionProofs {

	static final int LIMIT = 500;

	private final JdbcTemplate jdbc;

	DestructionProofs(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param from first day (UTC), inclusive, or {@code null}
	 * @param to last day (UTC), inclusive, or {@code null}
	 * @param rule the retention rule, or {@code null}
	 * @param kind the kind, or {@code null}
	 * @return at most {@value #LIMIT} proofs, newest first
	 */
	public List<DestructionProof> search(LocalDate from, LocalDate to, String rule, ErasureKind kind) {
		return search(from, to, rule, kind, null);
	}

	/**
	 * As {@link #search(LocalDate, LocalDate, String, ErasureKind)}, narrowed to the
	 * erasures of one data category inside cases that were kept.
	 * @param category the data category, or {@code null} for every proof
	 */
	public List<DestructionProof> search(LocalDate from, LocalDate to, String rule, ErasureKind kind,
			DataCategory category) {
		StringBuilder sql = new StringBuilder("select id, case_id, case_reference, destroyed_at, kind, rule_id, "
				+ "job_run_id, requested_by, what, category from destruction_proof where true");
		List<Object> args = new ArrayList<>();
		if (from != null) {
			sql.append(" and destroyed_at >= ?");
			args.add(from.atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (to != null) {
			sql.append(" and destroyed_at < ?");
			args.add(to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (rule != null && !rule.isBlank()) {
			sql.append(" and rule_id = ?");
			args.add(rule.strip());
		}
		if (kind != null) {
			sql.append(" and kind = ?");
			args.add(kind.name());
		}
		if (category != null) {
			sql.append(" and category = ?");
			args.add(category.name());
		}
		sql.append(" order by destroyed_at desc, id limit " + LIMIT);
		return this.jdbc.query(sql.toString(),
				(rs, n) -> new DestructionProof(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
						rs.getString(3), rs.getObject(4, OffsetDateTime.class), ErasureKind.valueOf(rs.getString(5)),
						rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9),
						(rs.getString(10) != null) ? DataCategory.valueOf(rs.getString(10)) : null),
				args.toArray());
	}

}
