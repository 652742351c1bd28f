package nl.schakel.benchmark;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.schakel.crypto.FieldBinding;
import nl.schakel.crypto.FieldCipher;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Benchmark-only baseline for what the disclosure gate costs: the same case read with the
 * disclosure gate bypassed. Served over the same HTTP stack and security filter chain
 * ({@code /api/v1/bench-baseline/cases/{id}}, HTTP Basic) but reads the case header,
 * person, organisation names, consents and the contributions with plain JDBC and opens
 * each contribution directly with the {@link FieldCipher} — no policy decision, no
 * participation or consent evaluation, no disclosure rows, no JPA. It is a functional
 * route registered only by the benchmark programs (not a component, so component scanning
 * in tests never sees it), and being test code it is outside ArchitectureTest's "only the
 * gate decrypts" rule by design.
 */
final class BaselineCaseRead {

	static final String PATH = "/api/v1/bench-baseline/cases/{id}";

	private BaselineCaseRead() {
	}

	static RouterFunction<ServerResponse> route(DataSource dataSource, FieldCipher cipher) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return RouterFunctions.route().GET(PATH, (request) -> {
			UUID id = UUID.fromString(request.pathVariable("id"));
			List<Map<String, Object>> header = jdbc
				.queryForList("select c.id, c.reference, c.case_type, c.status, c.opened_on, c.coordinator_username, "
						+ "p.id as person_id, p.name, p.date_of_birth from case_file c join person p on p.id = c.person_id "
						+ "where c.id = ?", id);
			if (header.isEmpty()) {
				return ServerResponse.notFound().build();
			}
			Map<String, String> names = new LinkedHashMap<>();
			jdbc.query("select code, name from organisation order by name", (rs) -> {
				names.put(rs.getString(1), rs.getString(2));
			});
			List<Map<String, Object>> consents = jdbc.queryForList(
					"select id, organisations, categories, purposes, valid_from, valid_until, withdrawn_on from consent where case_id = ?",
					header.get(0).get("person_id"));
			consents.replaceAll((row) -> Map.of("id", row.get("id")));
			List<Map<String, Object>> timeline = new ArrayList<>();
			jdbc.query("select id, author_organisation, category, created_at, content_ciphertext from contribution "
					+ "where case_id = ? order by created_at", (rs) -> {
						UUID itemId = rs.getObject(1, UUID.class);
						Map<String, Object> entry = new LinkedHashMap<>();
						entry.put("id", itemId);
						entry.put("holder", rs.getString(2));
						entry.put("holderName", names.getOrDefault(rs.getString(2), rs.getString(2)));
						entry.put("category", rs.getString(3));
						Timestamp created = rs.getTimestamp(4);
						entry.put("createdAt", created.toInstant().toString());
						entry.put("content", cipher.open(rs.getBytes(5),
								new FieldBinding("contribution", "content_ciphertext", itemId)));
						timeline.add(entry);
					}, id);
			Map<String, Object> body = new LinkedHashMap<>(header.get(0));
			body.replaceAll((k, v) -> (v instanceof java.sql.Date || v instanceof UUID) ? v.toString() : v);
			body.put("consents", consents);
			body.put("timeline", timeline);
			return ServerResponse.ok().body(body);
		}).build();
	}

}
