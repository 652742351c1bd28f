package nl.schakel.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gathers a subject-access report with plain SQL over metadata columns only: never
 * {@code content_ciphertext}, {@code bsn_ciphertext} or free-text columns.
 */
@Component
class SubjectAccess {

	private final JdbcTemplate jdbc;

	SubjectAccess(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<UUID> personsNamed(String name, LocalDate dateOfBirth) {
		return this.jdbc.queryForList("select id from person where lower(name) = lower(?) and date_of_birth = ?",
				UUID.class, name.strip(), dateOfBirth);
	}

	SubjectAccessReport report(UUID personId, boolean showProfessionalNames, Instant now) {
		SubjectAccessReport.Person person = this.jdbc.queryForObject(
				"select id, name, date_of_birth, (bsn_index is not null) from person where id = ?",
				(rs, i) -> new SubjectAccessReport.Person(rs.getObject(1, UUID.class), rs.getString(2),
						rs.getObject(3, LocalDate.class), rs.getBoolean(4)),
				personId);
		List<SubjectAccessReport.CaseHeld> cases = this.jdbc.query("""
				select c.id, c.reference, c.case_type, c.status, c.opened_on, c.closed_on, k.destroyed_at
				from case_file c left join case_key k on k.case_id = c.id and k.destroyed_at is not null
				where c.person_id = ? order by c.opened_on, c.reference""",
				(rs, i) -> new SubjectAccessReport.CaseHeld(rs.getObject(1, UUID.class), rs.getString(2),
						rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
						rs.getObject(6, LocalDate.class), instant(rs, 7)),
				personId);
		List<SubjectAccessReport.ContributionHeld> contributions = this.jdbc
			.query("""
					select k.id, c.reference, k.author_organisation, o.name, k.category, k.legal_basis, k.created_at
					from contribution k join case_file c on c.id = k.case_id
					left join organisation o on o.code = k.author_organisation
					where c.person_id = ? order by k.created_at""",
					(rs, i) -> new SubjectAccessReport.ContributionHeld(rs.getObject(1, UUID.class), rs.getString(2),
							rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7)),
					personId);
		List<SubjectAccessReport.ConsentHeld> consents = this.jdbc.query("""
				select organisations, domains, categories, purposes, valid_from, valid_until, withdrawn_on
				from consent where person_id = ? order by valid_from""",
				(rs, i) -> new SubjectAccessReport.ConsentHeld(list(rs, 1), list(rs, 2), list(rs, 3), list(rs, 4),
						rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
						rs.getObject(7, LocalDate.class)),
				personId);
		// what was shown: permitted items, and items whose existence was shown; a refusal
		// disclosed nothing and is no disclosure to a recipient
		List<SubjectAccessReport.Recipient> disclosures = this.jdbc.query("""
				select d.occurred_at, d.actor_organisation, o.name, d.actor_role, d.actor, d.purpose, d.legal_basis,
				       d.item_kind, d.category, d.decision, c.reference, d.channel
				from disclosure d left join organisation o on o.code = d.actor_organisation
				left join case_file c on c.id = d.case_id
				where d.person_id = ? and d.decision in ('PERMIT', 'EXISTENCE_ONLY')
				order by d.occurred_at, d.id""",
				(rs, i) -> new SubjectAccessReport.Recipient(instant(rs, 1), rs.getString(2), rs.getString(3),
						rs.getString(4), showProfessionalNames ? rs.getString(5) : null, rs.getString(6),
						rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
						rs.getString(12)),
				personId);
		return new SubjectAccessReport(now, person, cases, contributions, consents, disclosures, showProfessionalNames);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	private static List<String> list(ResultSet rs, int column) throws SQLException {
		Array array = rs.getArray(column);
		return (array != null) ? Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList() : List.of();
	}

}
