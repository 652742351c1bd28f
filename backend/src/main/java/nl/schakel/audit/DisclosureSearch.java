package nl.schakel.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;
import nl.schakel.policy.Policy;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The auditor's search of the disclosure log: filters checked field by field, then one query
 * that pages by keyset on {@code (occurred_at, id)} newest first. Each filter has an index
 * that starts with its column and continues in page order (V10 migration), so the first
 * page costs an index range scan of 51 entries whatever the size of the log.
 */
@Component
class DisclosureSearch {

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private static final int DEFAULT_SIZE = 50;

	private static final int MAX_SIZE = 200;

	private static final Pattern CURSOR = Pattern.compile("(-?[0-9]{1,19})_([0-9a-fA-F-]{36})");

	private static final String SELECT = """
			select d.id, d.occurred_at, d.actor, d.actor_organisation, d.actor_role, d.case_id, c.reference, d.person_id,
			       d.item_kind, d.item_id, d.category, d.purpose, d.legal_basis, d.rule_id, d.policy_version, d.decision,
			       d.channel, d.request_id, d.flagged
			from disclosure d left join case_file c on c.id = d.case_id
			""";

	private final NamedParameterJdbcTemplate named;

	private final NamedParameterJdbcTemplate streaming;

	private final JdbcTemplate jdbc;

	private final Policy policy;

	DisclosureSearch(NamedParameterJdbcTemplate named, JdbcTemplate jdbc, DataSource dataSource, Policy policy) {
		this.named = named;
		this.jdbc = jdbc;
		// exports stream with a cursor (inside the caller's transaction) instead of loading every row
		JdbcTemplate streaming = new JdbcTemplate(dataSource);
		streaming.setFetchSize(1000);
		this.streaming = new NamedParameterJdbcTemplate(streaming);
		this.policy = policy;
	}

	/** The filter checked and resolved; a 400 naming every wrong field. */
	Criteria criteria(DisclosureFilter filter) {
		List<FieldProblem> problems = new ArrayList<>();
		UUID person = uuid(filter.person(), "person", problems);
		UUID caseId = null;
		String caseText = blank(filter.caseRef());
		if (caseText != null) {
			try {
				caseId = UUID.fromString(caseText);
			}
			catch (IllegalArgumentException ex) {
				List<UUID> found = this.jdbc.queryForList("select id from case_file where reference = ?", UUID.class,
						caseText.toUpperCase(Locale.ROOT));
				if (found.isEmpty()) {
					problems.add(new FieldProblem("case", "No case has this id or reference"));
				}
				else {
					caseId = found.get(0);
				}
			}
		}
		String purpose = blank(filter.purpose());
		if (purpose != null) {
			purpose = purpose.toUpperCase(Locale.ROOT);
			if (this.policy.purpose(purpose).isEmpty()) {
				problems.add(new FieldProblem("purpose", "Unknown purpose (known: " + String.join(", ",
						this.policy.purposes().stream().map((p) -> p.purpose().code()).toList()) + ")"));
			}
		}
		String category = oneOf(filter.category(), "category",
				Arrays.stream(DataCategory.values()).map(Enum::name).toList(), problems);
		String decision = oneOf(filter.decision(), "decision",
				Arrays.stream(Decision.values()).map(Enum::name).toList(), problems);
		Boolean flagged = null;
		String flaggedText = blank(filter.flagged());
		if (flaggedText != null) {
			if (flaggedText.equalsIgnoreCase("true") || flaggedText.equalsIgnoreCase("false")) {
				flagged = Boolean.valueOf(flaggedText.toLowerCase(Locale.ROOT));
			}
			else {
				problems.add(new FieldProblem("flagged", "Use true or false"));
			}
		}
		LocalDate from = date(filter.from(), "from", problems);
		LocalDate to = date(filter.to(), "to", problems);
		if (from != null && to != null && to.isBefore(from)) {
			problems.add(new FieldProblem("to", "The end of the period lies before its start"));
		}
		int size = DEFAULT_SIZE;
		String sizeText = blank(filter.size());
		if (sizeText != null) {
			try {
				size = Integer.parseInt(sizeText);
				if (size < 1 || size > MAX_SIZE) {
					problems.add(new FieldProblem("size", "Between 1 and " + MAX_SIZE));
				}
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem("size", "Between 1 and " + MAX_SIZE));
			}
		}
		Instant cursorTime = null;
		UUID cursorId = null;
		String cursor = blank(filter.cursor());
		if (cursor != null) {
			var matcher = CURSOR.matcher(cursor);
			try {
				if (!matcher.matches()) {
					throw new IllegalArgumentException();
				}
				long micros = Long.parseLong(matcher.group(1));
				cursorTime = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
						Math.floorMod(micros, 1_000_000L) * 1000L);
				cursorId = UUID.fromString(matcher.group(2));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("cursor", "Not a cursor from a previous page"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Criteria(person, caseId, blank(filter.actor()), blank(filter.organisation()), purpose, category,
				decision, flagged, (from != null) ? from.atStartOfDay(ZONE).toInstant() : null,
				(to != null) ? to.plusDays(1).atStartOfDay(ZONE).toInstant() : null, cursorTime, cursorId, size);
	}

	DisclosurePage page(Criteria criteria) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		StringBuilder sql = new StringBuilder(SELECT).append(where(criteria, parameters, true));
		sql.append(" order by d.occurred_at desc, d.id desc limit :limit");
		parameters.addValue("limit", criteria.size() + 1);
		List<DisclosureEntry> rows = this.named.query(sql.toString(), parameters, (rs, i) -> entry(rs));
		String next = null;
		if (rows.size() > criteria.size()) {
			rows = rows.subList(0, criteria.size());
			DisclosureEntry last = rows.get(rows.size() - 1);
			next = cursor(last.occurredAt(), last.id());
		}
		return new DisclosurePage(List.copyOf(rows), next);
	}

	/** Streams every matching row (up to the limit) as CSV; returns the rows written. */
	long exportCsv(Criteria criteria, int limit, Writer out) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String sql = SELECT + where(criteria, parameters, false) + " order by d.occurred_at desc, d.id desc limit :limit";
		parameters.addValue("limit", limit);
		long[] count = { 0 };
		try {
			out.write(String.join(",", "occurred_at", "actor", "actor_organisation", "actor_role", "case_id",
					"case_reference", "person_id", "item_kind", "item_id", "category", "purpose", "legal_basis",
					"rule_id", "policy_version", "decision", "channel", "request_id", "flagged", "disclosure_id"));
			out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.streaming.query(sql, parameters, (ResultSet rs) -> {
			DisclosureEntry e = entry(rs);
			try {
				out.write(String.join(",", csv(e.occurredAt()), csv(e.actor()), csv(e.actorOrganisation()),
						csv(e.actorRole()), csv(e.caseId()), csv(e.caseReference()), csv(e.personId()), csv(e.itemKind()),
						csv(e.itemId()), csv(e.category()), csv(e.purpose()), csv(e.legalBasis()), csv(e.ruleId()),
						csv(e.policyVersion()), csv(e.decision()), csv(e.channel()), csv(e.requestId()),
						csv(e.flagged()), csv(e.id())));
				out.write("\r\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			count[0]++;
		});
		return count[0];
	}

	private static String where(Criteria c, MapSqlParameterSource parameters, boolean paged) {
		List<String> conditions = new ArrayList<>();
		if (c.person() != null) {
			conditions.add("d.person_id = :person");
			parameters.addValue("person", c.person());
		}
		if (c.caseId() != null) {
			conditions.add("d.case_id = :caseId");
			parameters.addValue("caseId", c.caseId());
		}
		if (c.actor() != null) {
			conditions.add("d.actor = :actor");
			parameters.addValue("actor", c.actor());
		}
		if (c.organisation() != null) {
			conditions.add("d.actor_organisation = :organisation");
			parameters.addValue("organisation", c.organisation());
		}
		if (c.purpose() != null) {
			conditions.add("d.purpose = :purpose");
			parameters.addValue("purpose", c.purpose());
		}
		if (c.category() != null) {
			conditions.add("d.category = :category");
			parameters.addValue("category", c.category());
		}
		if (c.decision() != null) {
			conditions.add("d.decision = :decision");
			parameters.addValue("decision", c.decision());
		}
		if (c.flagged() != null) {
			// "flagged" (not "flagged = true") so the partial index on flagged rows applies
			conditions.add(c.flagged() ? "d.flagged" : "not d.flagged");
		}
		if (c.from() != null) {
			conditions.add("d.occurred_at >= :from");
			parameters.addValue("from", Timestamp.from(c.from()));
		}
		if (c.to() != null) {
			conditions.add("d.occurred_at < :to");
			parameters.addValue("to", Timestamp.from(c.to()));
		}
		if (paged && c.cursorTime() != null) {
			// a row comparison, which a btree on (..., occurred_at desc, id desc) answers as a range
			conditions.add("(d.occurred_at, d.id) < (:cursorTime, :cursorId)");
			parameters.addValue("cursorTime", Timestamp.from(c.cursorTime()));
			parameters.addValue("cursorId", c.cursorId());
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static DisclosureEntry entry(ResultSet rs) throws SQLException {
		return new DisclosureEntry(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
				rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7),
				rs.getObject(8, UUID.class), rs.getString(9), rs.getObject(10, UUID.class), rs.getString(11),
				rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
				rs.getString(17), rs.getString(18), rs.getBoolean(19));
	}

	static String cursor(Instant time, UUID id) {
		long micros = Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
		return micros + "_" + id;
	}

	/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
	static String csv(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static UUID uuid(String text, String field, List<FieldProblem> problems) {
		String value = blank(text);
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "Not an id"));
			return null;
		}
	}

	private static String oneOf(String text, String field, List<String> allowed, List<FieldProblem> problems) {
		String value = blank(text);
		if (value == null) {
			return null;
		}
		String upper = value.toUpperCase(Locale.ROOT).replace('-', '_');
		if (!allowed.contains(upper)) {
			problems.add(new FieldProblem(field, "Unknown value (known: " + String.join(", ", allowed) + ")"));
			return null;
		}
		return upper;
	}

	private static LocalDate date(String text, String field, List<FieldProblem> problems) {
		String value = blank(text);
		if (value == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			// the log's moments are PostgreSQL timestamps: a period far outside any log is no period
			if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
				problems.add(new FieldProblem(field, "A date between " + EARLIEST + " and " + LATEST));
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "A date such as 2026-01-31"));
			return null;
		}
	}

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

	/** A checked search. */
	record Criteria(UUID person, UUID caseId, String actor, String organisation, String purpose, String category,
			String decision, Boolean flagged, Instant from, Instant to, Instant cursorTime, UUID cursorId, int size) {
	}

}
