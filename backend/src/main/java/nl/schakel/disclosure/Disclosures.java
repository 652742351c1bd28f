package nl.schakel.disclosure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The disclosure log: one event and its items, written together. Insert only: the
 * database refuses anything else.
 * <p>
 * The event goes through JPA, so that Envers records it in the transaction's revision
 * (actor, organisation, purpose, request id, policy version). Its items, the bulk of a
 * read's log (one per item read), go in as one statement of arrays on the transaction's
 * own connection: persisting them one entity at a time cost a case read more than all of
 * its queries (issue 14's profile), and they have nothing for Envers to keep.
 */
@Repository
class Disclosures {

	private static final String INSERT_ITEMS = """
			insert into disclosure_event_item (id, event_id, occurred_at, actor_role, item_kind, item_id, category,
			    legal_basis, rule_id, decision, consent_id, flagged)
			select i.id, ?, ?, i.actor_role, i.item_kind, i.item_id, i.category, i.legal_basis, i.rule_id, i.decision,
			    i.consent_id, i.flagged
			from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[],
			    ?::varchar[], ?::uuid[], ?::boolean[])
			    as i(id, actor_role, item_kind, item_id, category, legal_basis, rule_id, decision, consent_id, flagged)""";

	private final EntityManager entities;

	private final JdbcTemplate jdbc;

	Disclosures(EntityManager entities, JdbcTemplate jdbc) {
		this.entities = entities;
		this.jdbc = jdbc;
	}

	/**
	 * Writes the event and its items in the current transaction, now: when this returns,
	 * both are in the database (uncommitted), and each item is marked recorded. If not
	 * every item was written it throws (translated by Spring into a data access
	 * exception) and the transaction rolls back: nothing is shown.
	 */
	void record(DisclosureEvent event, List<Disclosure> items) {
		this.entities.persist(event);
		this.entities.flush();
		if (items.isEmpty()) {
			return;
		}
		Integer written = this.jdbc.execute((Connection connection) -> {
			try (PreparedStatement insert = connection.prepareStatement(INSERT_ITEMS)) {
				int n = items.size();
				UUID[] ids = new UUID[n];
				String[] roles = new String[n];
				String[] kinds = new String[n];
				UUID[] itemIds = new UUID[n];
				String[] categories = new String[n];
				String[] bases = new String[n];
				String[] rules = new String[n];
				String[] decisions = new String[n];
				UUID[] consents = new UUID[n];
				Boolean[] flagged = new Boolean[n];
				for (int i = 0; i < n; i++) {
					Disclosure item = items.get(i);
					ids[i] = item.id();
					roles[i] = item.actorRole();
					kinds[i] = item.itemKind().name();
					itemIds[i] = item.itemId();
					categories[i] = item.category();
					bases[i] = item.legalBasis();
					rules[i] = item.ruleId();
					decisions[i] = item.decision().name();
					consents[i] = item.consentId();
					flagged[i] = item.flagged();
				}
				insert.setObject(1, event.id());
				insert.setTimestamp(2, Timestamp.from(event.occurredAt()));
				insert.setArray(3, connection.createArrayOf("uuid", ids));
				insert.setArray(4, connection.createArrayOf("varchar", roles));
				insert.setArray(5, connection.createArrayOf("varchar", kinds));
				insert.setArray(6, connection.createArrayOf("uuid", itemIds));
				insert.setArray(7, connection.createArrayOf("varchar", categories));
				insert.setArray(8, connection.createArrayOf("varchar", bases));
				insert.setArray(9, connection.createArrayOf("varchar", rules));
				insert.setArray(10, connection.createArrayOf("varchar", decisions));
				insert.setArray(11, connection.createArrayOf("uuid", consents));
				insert.setArray(12, connection.createArrayOf("boolean", flagged));
				return insert.executeUpdate();
			}
		});
		if (written == null || written != items.size()) {
			throw new IllegalStateException(
					"The disclosure log took " + written + " of a read's " + items.size() + " items");
		}
		items.forEach(Disclosure::markRecorded);
	}

}
