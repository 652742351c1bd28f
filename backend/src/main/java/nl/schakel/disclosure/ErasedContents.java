package nl.schakel.disclosure;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The markers the retention job leaves on items whose content it erased inside a kept
 * case. Asked only for items whose sealed value is empty, so an ordinary read costs no
 * statement.
 */
@Component
class ErasedContents {

	private final JdbcTemplate jdbc;

	ErasedContents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<UUID, ErasedContent> of(Collection<UUID> itemIds) {
		Map<UUID, ErasedContent> erased = new HashMap<>();
		if (itemIds.isEmpty()) {
			return erased;
		}
		this.jdbc.query("select item_id, erased_at, rule_id from content_erasure where item_id = any (?)", (rs) -> {
			erased.put(rs.getObject("item_id", UUID.class), new ErasedContent(
					rs.getObject("erased_at", OffsetDateTime.class).toInstant(), rs.getString("rule_id")));
		}, (Object) itemIds.toArray(UUID[]::new));
		return erased;
	}

}
