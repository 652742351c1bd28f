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
 * The auditor's search of the disclosure log: filters checked field by field, then one
 * query that pages newest first by event. A read is logged as one
 * {@code disclosure_event} with its items, so the search walks the events by keyset on
 * {@code (occurred_at, event id)} from the event's indexes, takes at most
 * {@code size + 2} events that hold a matching item, and only then unnests their items:
 * the first page costs an index range scan of a few dozen events whatever the size of the
 * log, instead of sorting every item the filters select. The answer is still one entry
 * per item, in the order {@code occurred_at, event, item} newest first, and a page holds
 * exactly {@code size} items: an event whose items do not all fit is continued on the
 * next page, so the cursor names the last item's time, event and item. Rows logged before
 * events existed ({@code disclosure_row}) are each an event of their own.
 */
@Component
class DisclosureSearch {

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private static final int DEFAULT_SIZE = 50;

	private static final int MAX_SIZE = 200;

	// time in microseconds, the event's id, then the last item's id (absent in the
	// cursors the
	// search gave out when it paged by item: such a cursor reads as an event of one item)
	private static final Pattern CURSOR = Pattern.compile("(-?[0-9]{1,19})_([0-9a-fA-F-]{36})(?:_([0-9a-fA-F-]{36}))?");

	// the filters on what a read has in common, and those on its single items
	private static final List<String> EVENT_FIELDS = List.of("person_id", "case_id", "actor", "actor_organisation",
			"purpose");

	private static final String COLUMNS = """
			p.id, p.occurred_at, p.actor, p.actor_organisation, p.actor_role, p.case_id,
			(select c.reference from case_file c where c.id = p.case_id), p.person_id,
			p.item_kind, p.item_id, p.category, p.purpose, p.legal_basis, p.rule_id, p.policy_version, p.decision,
			p.channel, p.request_id, p.flagged, p.event_key""";

	private final NamedParameterJdbcTemplate named;

	private final NamedParameterJdbcTemplate streaming;

	private final JdbcTemplate jdbc;

	private final Policy policy;

	DisclosureSearch(NamedParameterJdbcTemplate named, JdbcTemplate jdbc, DataSource dataSource, Policy policy) {
		this.named = named;
		this.jdbc = jdbc;
		// exports stream with a cursor (inside the caller's transaction) instead of
		// loading every row
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
				problems.add(new FieldProblem("purpose",
						"Unknown purpose (known: "
								+ String.join(", ",
										this.policy.purposes().stream().map((p) -> p.purpose().code()).toList())
								+ ")"));
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
		UUID cursorEvent = null;
		UUID cursorItem = null;
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
				cursorEvent = UUID.fromString(matcher.group(2));
				cursorItem = (matcher.group(3) != null) ? UUID.fromString(matcher.group(3)) : cursorEvent;
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
				(to != null) ? to.plusDays(1).atStartOfDay(ZONE).toInstant() : null, cursorTime, cursorEvent,
				cursorItem, size);
	}

	DisclosurePage page(Criteria criteria) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String sql = query(criteria, criteria.size() + 1, parameters, true);
		List<Row> rows = this.named.query(sql, parameters, (rs, i) -> new Row(entry(rs), rs.getObject(20, UUID.class)));
		String next = null;
		if (rows.size() > criteria.size()) {
			rows = rows.subList(0, criteria.size());
			Row last = rows.get(rows.size() - 1);
			next = cursor(last.entry().occurredAt(), last.event(), last.entry().id());
		}
		return new DisclosurePage(rows.stream().map(Row::entry).toList(), next);
	}

	/**
	 * An item of a page and the event it belongs to (an older per-item row is its own
	 * event).
	 */
	private record Row(DisclosureEntry entry, UUID event) {
	}

	/** Streams every matching row (up to the limit) as CSV; returns the rows written. */
	long exportCsv(Criteria criteria, int limit, Writer out) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String sql = query(criteria, limit, parameters, false);
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
						csv(e.actorRole()), csv(e.caseId()), csv(e.caseReference()), csv(e.personId()),
						csv(e.itemKind()), csv(e.itemId()), csv(e.category()), csv(e.purpose()), csv(e.legalBasis()),
						csv(e.ruleId()), csv(e.policyVersion()), csv(e.decision()), csv(e.channel()),
						csv(e.requestId()), csv(e.flagged()), csv(e.id())));
				out.write("\r\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			count[0]++;
		});
		return count[0];
	}

	/**
	 * At most {@code limit} items, newest first. Every event holds at least one matching
	 * item (the {@code exists}), so {@code limit + 1} events (one more for the event a
	 * cursor stands in) hold enough items; the older per-item rows are each an event of
	 * one item.
	 */
	static String query(Criteria c, int limit, MapSqlParameterSource parameters, boolean paged) {
		boolean cursor = paged && c.cursorTime() != null;
		if (cursor) {
			parameters.addValue("cursorTime", Timestamp.from(c.cursorTime()));
			parameters.addValue("cursorEvent", c.cursorEvent());
			parameters.addValue("cursorItem", c.cursorItem());
		}
		parameters.addValue("limit", limit);
		parameters.addValue("events", limit + 1);
		List<String> event = eventConditions(c, "e", parameters);
		List<String> item = itemConditions(c, "i", parameters);
		List<String> legacy = new ArrayList<>(eventConditions(c, "r", parameters));
		legacy.addAll(itemConditions(c, "r", parameters));
		if (cursor) {
			// row comparisons, which a btree on (..., occurred_at desc, id desc) answers
			// as a range;
			// the cursor's own event is taken again for the items after the cursor's item
			event.add("(e.occurred_at, e.id) <= (:cursorTime, :cursorEvent)");
			legacy.add("(r.occurred_at, r.id) < (:cursorTime, :cursorEvent)");
		}
		event.add("exists (select 1 from disclosure_event_item i where i.event_id = e.id" + and(item) + ")");
		List<String> items = new ArrayList<>(item);
		if (cursor) {
			items.add("(ev.occurred_at, ev.id, i.id) < (:cursorTime, :cursorEvent, :cursorItem)");
		}
		// the items of each event and the case's reference are looked up per event and
		// per item
		// of the page (a lateral subquery kept apart by "offset 0", a scalar subquery):
		// as joins
		// they let the planner hash every flagged item or the whole case table for one
		// page
		return """
				with ev as (
				    select e.id, e.occurred_at, e.actor, e.actor_organisation, e.case_id, e.person_id, e.purpose,
				           e.policy_version, e.channel, e.request_id
				    from disclosure_event e where %s
				    order by e.occurred_at desc, e.id desc limit :events
				), legacy as (
				    select r.* from disclosure_row r%s
				    order by r.occurred_at desc, r.id desc limit :limit
				), p as (
				    select i.id, ev.occurred_at, ev.actor, ev.actor_organisation, i.actor_role, ev.case_id, ev.person_id,
				           i.item_kind, i.item_id, i.category, ev.purpose, i.legal_basis, i.rule_id, ev.policy_version,
				           i.decision, ev.channel, ev.request_id, i.flagged, ev.id as event_key
				    from ev cross join lateral (select * from disclosure_event_item i where i.event_id = ev.id%s
				                                offset 0) i
				    union all
				    select r.id, r.occurred_at, r.actor, r.actor_organisation, r.actor_role, r.case_id, r.person_id,
				           r.item_kind, r.item_id, r.category, r.purpose, r.legal_basis, r.rule_id, r.policy_version,
				           r.decision, r.channel, r.request_id, r.flagged, r.id
				    from legacy r
				)
				select %s
				from (select * from p order by p.occurred_at desc, p.event_key desc, p.id desc limit :limit) p
				order by p.occurred_at desc, p.event_key desc, p.id desc"""
			.formatted(String.join(" and ", event), where(legacy), and(items), COLUMNS);
	}

	private static String and(List<String> conditions) {
		return conditions.stream().map((condition) -> " and " + condition).reduce("", String::concat);
	}

	private static String where(List<String> conditions) {
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static List<String> eventConditions(Criteria c, String alias, MapSqlParameterSource parameters) {
		List<String> conditions = new ArrayList<>();
		Object[] values = { c.person(), c.caseId(), c.actor(), c.organisation(), c.purpose() };
		for (int k = 0; k < EVENT_FIELDS.size(); k++) {
			if (values[k] != null) {
				conditions.add(alias + "." + EVENT_FIELDS.get(k) + " = :" + EVENT_FIELDS.get(k));
				parameters.addValue(EVENT_FIELDS.get(k), values[k]);
			}
		}
		if (c.from() != null) {
			conditions.add(alias + ".occurred_at >= :from");
			parameters.addValue("from", Timestamp.from(c.from()));
		}
		if (c.to() != null) {
			conditions.add(alias + ".occurred_at < :to");
			parameters.addValue("to", Timestamp.from(c.to()));
		}
		return conditions;
	}

	private static List<String> itemConditions(Criteria c, String alias, MapSqlParameterSource parameters) {
		List<String> conditions = new ArrayList<>();
		if (c.category() != null) {
			conditions.add(alias + ".category = :category");
			parameters.addValue("category", c.category());
		}
		if (c.decision() != null) {
			conditions.add(alias + ".decision = :decision");
			parameters.addValue("decision", c.decision());
		}
		if (c.flagged() != null) {
			// "flagged" (not "flagged = true") so the partial indexes on flagged rows
			// apply
			conditions.add(c.flagged() ? alias + ".flagged" : "not " + alias + ".flagged");
		}
		return conditions;
	}

	private static DisclosureEntry entry(ResultSet rs) throws SQLException {
		return new DisclosureEntry(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
				rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7),
				rs.getObject(8, UUID.class), rs.getString(9), rs.getObject(10, UUID.class), rs.getString(11),
				rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
				rs.getString(17), rs.getString(18), rs.getBoolean(19));
	}

	static String cursor(Instant time, UUID event, UUID item) {
		long micros = Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
		return micros + "_" + event + "_" + item;
	}

	/**
	 * One CSV field: quoted when needed, and never read as a formula by a spreadsheet.
	 */
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
			// the log's moments are PostgreSQL timestamps: a period far outside any log
			// is no period
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
			String decision, Boolean flagged, Instant from, Instant to, Instant cursorTime, UUID cursorEvent,
			UUID cursorItem, int size) {
	}

}
