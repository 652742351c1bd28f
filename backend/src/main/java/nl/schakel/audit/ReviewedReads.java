package nl.schakel.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a review item is about, in the terms the privacy officer decides on: per item
 * read, the case, what was read (kind, category), who wrote it (the discloser), under
 * which purpose, rule and legal basis, and for a breach of secrecy which of the five
 * questions of the conflict-of-duties decision were answered. The same item read in
 * several page views is one line with a count, so a professional who reloads a page is
 * not reviewed three times over. Metadata only: the answers themselves are the person's
 * story and stay behind the disclosure gate, like all content.
 */
@Component
class ReviewedReads {

	private static final List<String> QUESTIONS = List.of("cod_interest", "cod_why_no_consent", "cod_no_other_way",
			"cod_serious_harm", "cod_strictly_needed");

	private final JdbcTemplate jdbc;

	ReviewedReads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Read> of(List<UUID> disclosureIds) {
		if (disclosureIds.isEmpty()) {
			return List.of();
		}
		StringBuilder answered = new StringBuilder();
		for (String question : QUESTIONS) {
			answered.append(", (a.").append(question).append(" is not null) as ").append(question);
		}
		String sql = """
				select d.case_id, c.reference, d.item_kind, d.item_id, d.category, d.purpose, d.legal_basis, d.rule_id,
				       d.decision, count(*) as times, min(d.occurred_at) as first_at, max(d.occurred_at) as last_at,
				       a.author, a.author_organisation%s
				from disclosure d
				left join case_file c on c.id = d.case_id
				left join lateral (select * from contribution_aud x where x.id = d.item_id and d.item_kind = 'CONTRIBUTION'
				                   order by x.rev limit 1) a on true
				where d.id = any(?)
				group by d.case_id, c.reference, d.item_kind, d.item_id, d.category, d.purpose, d.legal_basis, d.rule_id,
				         d.decision, a.author, a.author_organisation%s
				order by min(d.occurred_at)"""
			.formatted(answered, groupAnswers());
		return this.jdbc.query(sql, (rs, i) -> {
			List<String> answers = new ArrayList<>();
			for (String question : QUESTIONS) {
				if (rs.getBoolean(question)) {
					answers.add(question);
				}
			}
			return new Read(rs.getObject("case_id", UUID.class), rs.getString("reference"), rs.getString("item_kind"),
					rs.getObject("item_id", UUID.class), rs.getString("category"), rs.getString("purpose"),
					rs.getString("legal_basis"), rs.getString("rule_id"), rs.getString("decision"), rs.getInt("times"),
					rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant(),
					rs.getString("author"), rs.getString("author_organisation"), List.copyOf(answers));
		}, (Object) disclosureIds.toArray(UUID[]::new));
	}

	private static String groupAnswers() {
		StringBuilder group = new StringBuilder();
		for (String question : QUESTIONS) {
			group.append(", (a.").append(question).append(" is not null)");
		}
		return group.toString();
	}

	/**
	 * One item read, once or several times.
	 *
	 * @param caseId the case
	 * @param caseReference its reference
	 * @param itemKind what was read
	 * @param itemId which item
	 * @param category its data category
	 * @param purpose the purpose named
	 * @param legalBasis the basis it was shared on
	 * @param ruleId the access rule that decided
	 * @param decision permit, existence only or deny
	 * @param times how many times it was read in this item
	 * @param firstAt the first read
	 * @param lastAt the last read
	 * @param discloser who wrote the item (a contribution's author), if known
	 * @param discloserOrganisation for which organisation
	 * @param answered which questions of a conflict-of-duties decision were answered
	 * (codes of the message bundle's {@code review.question.*}), empty when none was made
	 */
	public record Read(UUID caseId, String caseReference, String itemKind, UUID itemId, String category, String purpose,
			String legalBasis, String ruleId, String decision, int times, Instant firstAt, Instant lastAt,
			String discloser, String discloserOrganisation, List<String> answered) {
	}

}
