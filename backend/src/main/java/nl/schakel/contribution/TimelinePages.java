package nl.schakel.contribution;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.schakel.disclosure.Audience;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.Grant;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.SealedContent;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One page of a case's timeline as the gate needs it — each contribution with its sealed
 * content and the grants answered for it — in one statement: the page is chosen first
 * (newest first, older than the cursor), its granted requests joined to it after, so a
 * case with many requests costs no more round trips than one with none.
 */
@Repository
class TimelinePages {

	private static final String PAGE = """
			with page as (
			    select id, case_id, author_organisation, category, legal_basis, consent_id,
			           audience_organisations, audience_domains, content_ciphertext, created_at
			    from contribution
			    where case_id = :caseId %s
			    order by created_at desc, id desc
			    limit :limit)
			select p.*, r.requester_organisation, r.requester, r.granted_basis, r.granted_to_organisation,
			       r.consent_id as grant_consent_id, r.purpose as grant_purpose
			from page p
			left join disclosure_request r
			       on r.contribution_id = p.id and r.case_id = p.case_id and r.state = 'GRANTED'
			order by p.created_at desc, p.id desc, r.requested_at, r.id""";

	private static final String OLDER = "and (created_at < :createdAt or (created_at = :createdAt and id < :id))";

	private final JdbcClient jdbc;

	TimelinePages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<DisclosableItem> page(UUID caseId, Instant olderThanCreatedAt, UUID olderThanId, int limit) {
		Map<UUID, Row> rows = new LinkedHashMap<>();
		JdbcClient.StatementSpec statement = this.jdbc.sql(PAGE.formatted((olderThanCreatedAt != null) ? OLDER : ""))
			.param("caseId", caseId)
			.param("limit", limit);
		if (olderThanCreatedAt != null) {
			statement = statement.param("createdAt", olderThanCreatedAt.atOffset(ZoneOffset.UTC))
				.param("id", olderThanId);
		}
		statement.query((ResultSet rs) -> {
			UUID id = rs.getObject("id", UUID.class);
			Row row = rows.get(id);
			if (row == null) {
				row = Row.of(id, rs);
				rows.put(id, row);
			}
			String grantedTo = rs.getString("requester_organisation");
			if (grantedTo != null) {
				row.grants()
					.add(new Grant(grantedTo,
							Boolean.TRUE.equals(rs.getObject("granted_to_organisation", Boolean.class)) ? null
									: rs.getString("requester"),
							LegalBasis.valueOf(rs.getString("granted_basis")),
							rs.getObject("grant_consent_id", UUID.class), rs.getString("grant_purpose")));
			}
		});
		return rows.values().stream().map(Row::item).toList();
	}

	private record Row(UUID id, UUID caseId, String holder, DataCategory category, LegalBasis basis, UUID consentId,
			String[] audienceOrganisations, String[] audienceDomains, byte[] ciphertext, Instant createdAt,
			List<Grant> grants) {

		static Row of(UUID id, ResultSet rs) throws SQLException {
			return new Row(id, rs.getObject("case_id", UUID.class), rs.getString("author_organisation"),
					DataCategory.valueOf(rs.getString("category")), LegalBasis.valueOf(rs.getString("legal_basis")),
					rs.getObject("consent_id", UUID.class), strings(rs.getArray("audience_organisations")),
					strings(rs.getArray("audience_domains")), rs.getBytes("content_ciphertext"),
					rs.getTimestamp("created_at").toInstant(), new ArrayList<>());
		}

		// the same item the entity gives (Contribution.toItem), bound to the same row
		DisclosableItem item() {
			return new DisclosableItem(ItemKind.CONTRIBUTION, this.id, this.category, this.basis, this.consentId,
					this.holder, Audience.of(Set.of(this.audienceOrganisations), Set.of(this.audienceDomains)),
					this.createdAt,
					SealedContent.of(this.ciphertext, new nl.schakel.crypto.FieldBinding(Contribution.TABLE,
							Contribution.CONTENT_COLUMN, this.id, this.caseId)),
					List.copyOf(this.grants));
		}

		private static String[] strings(Array array) throws SQLException {
			return (array == null) ? new String[0] : (String[]) array.getArray();
		}

	}

}
