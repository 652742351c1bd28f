package nl.schakel.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the review queue from the disclosure log. It reads only sealed rows — so a row
 * that commits late is never skipped — in batches after the last seq it scanned, under an
 * advisory lock so one instance scans at a time, and applies the rules of
 * {@code review-flags.yaml}.
 */
@Component
class ReviewScanner {

	/** The advisory lock key of the review scan ("REVW" in ASCII). */
	static final long SCAN_LOCK = 0x52455657L;

	private static final int MAX_IDS = 500;

	private static final Logger log = LoggerFactory.getLogger(ReviewScanner.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ReviewItems items;

	private final ReviewFlags flags;

	private final Clock clock;

	private final ReviewScanProperties properties;

	private final AuditJobProgress progress;

	/** Rows per batch now: halved after a failed batch, grown back after good ones. */
	private volatile int batchRows;

	ReviewScanner(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ReviewItems items,
			ReviewFlags flags, Clock clock, ReviewScanProperties properties, AuditJobProgress progress) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.items = items;
		this.flags = flags;
		this.clock = clock;
		this.properties = properties;
		this.progress = progress;
		this.batchRows = properties.batchRows();
	}

	/**
	 * Scans every sealed row not scanned yet, batch by batch, each batch in its own
	 * transaction that commits its checkpoint: a batch that fails loses only itself, and
	 * the next one is smaller, so the scan always advances. Returns how many review items
	 * it created.
	 */
	int scanSealed() {
		int created = 0;
		while (true) {
			int rows = this.batchRows;
			Integer batch;
			try {
				batch = this.transactions.execute((status) -> scanBatch(rows));
			}
			catch (RuntimeException ex) {
				// too much for one transaction (or a passing fault): retry from the same
				// checkpoint with half the rows; a single row always fits
				this.batchRows = Math.max(1, rows / 2);
				log.warn("Review scan batch of {} row(s) failed; the next run takes {}", rows, this.batchRows, ex);
				throw ex;
			}
			if (batch == null || batch < 0) {
				if (batch != null && batch == NOTHING_TO_DO) {
					this.progress.progressed(AuditJobProgress.Job.REVIEW_SCAN);
				}
				break;
			}
			this.progress.progressed(AuditJobProgress.Job.REVIEW_SCAN);
			this.batchRows = Math.min(this.properties.batchRows(), rows * 2);
			created += batch;
		}
		if (created > 0) {
			log.info("Review scan put {} item(s) in the review queue", created);
		}
		return created;
	}

	private static final int NOTHING_TO_DO = -1;

	private static final int LOCKED_ELSEWHERE = -2;

	/** One batch of at most {@code limit} rows; negative when there was nothing to do. */
	private int scanBatch(int limit) {
		Boolean locked = this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, SCAN_LOCK);
		if (!Boolean.TRUE.equals(locked)) {
			return LOCKED_ELSEWHERE;
		}
		// no statement of this batch may run into the connections' transaction timeout
		Instant deadline = Instant.now().plus(this.properties.batchTime());
		this.jdbc.execute("set local statement_timeout = " + this.properties.batchTime().toMillis());
		long last = this.jdbc.queryForObject("select last_seq from review_scan where id = 1", Long.class);
		Long sealedTo = this.jdbc.queryForObject("select max(to_seq) from disclosure_block", Long.class);
		if (sealedTo == null || sealedTo <= last) {
			return NOTHING_TO_DO;
		}
		List<Row> rows = sealedRows(last + 1, sealedTo, limit);
		long scannedTo = rows.isEmpty() ? sealedTo : rows.get(rows.size() - 1).seq();
		Instant now = Instant.now(this.clock);
		List<ReviewItem> created = new ArrayList<>();
		policyFlags(rows, now, created);
		outsideOfficeHours(rows, now, created);
		for (ReviewFlags.Flag flag : this.flags.of(ReviewFlags.Kind.DENIAL_BURST)) {
			windows(flag, rows, last, now, created, (row) -> "DENY".equals(row.decision()), "decision = 'DENY'", false,
					deadline);
		}
		for (ReviewFlags.Flag flag : this.flags.of(ReviewFlags.Kind.MANY_PERSONS)) {
			windows(flag, rows, last, now, created, (row) -> row.personId() != null && !"DENY".equals(row.decision()),
					"person_id is not null and decision <> 'DENY'", true, deadline);
		}
		created.forEach(this.items::save);
		this.jdbc.update("update review_scan set last_seq = ? where id = 1", scannedTo);
		return created.size();
	}

	/**
	 * The first {@code limit} rows from {@code fromSeq} on, as sealing reads them: by seq
	 * from the tables, each item with its event. Through the view, PostgreSQL joined
	 * every row from the checkpoint to the seal's head before taking the first few
	 * thousand, so a batch cost what the whole backlog cost (1.3 s for a million rows
	 * behind, every batch).
	 */
	private List<Row> sealedRows(long fromSeq, long toSeq, int limit) {
		return this.jdbc.execute((java.sql.Connection connection) -> {
			List<Row> rows = new ArrayList<>(Math.min(limit, 10_000));
			try (SealedRows sealed = SealedRows.between(connection, fromSeq, toSeq, Math.min(limit, SealedRows.CHUNK),
					limit)) {
				SealedRow row;
				while (rows.size() < limit && (row = sealed.next()) != null) {
					rows.add(new Row(row.seq(), UUID.fromString(row.id()), row.occurredAt(), row.actor(),
							row.actorOrganisation(), (row.personId() != null) ? UUID.fromString(row.personId()) : null,
							row.decision(), row.flagged(), row.ruleId(), row.requestId()));
				}
			}
			return rows;
		});
	}

	/** Rows in the order they happened: by time, then as logged. */
	private static final Comparator<Row> IN_TIME = Comparator.comparing(Row::occurredAt).thenComparingLong(Row::seq);

	private static final org.springframework.jdbc.core.RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong(1),
			rs.getObject(2, UUID.class), rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
			rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getBoolean(8), rs.getString(9),
			rs.getString(10));

	private void policyFlags(List<Row> rows, Instant now, List<ReviewItem> created) {
		Map<List<String>, List<Row>> groups = new LinkedHashMap<>();
		Map<List<String>, ReviewFlags.Flag> flagOf = new LinkedHashMap<>();
		for (Row row : rows) {
			if (!row.flagged()) {
				continue;
			}
			this.flags.policyFlagFor(row.ruleId()).ifPresent((flag) -> {
				List<String> key = List.of(flag.id(), row.actor(), row.requestKey());
				groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add(row);
				flagOf.put(key, flag);
			});
		}
		groups.forEach((key, group) -> {
			Set<String> rules = new LinkedHashSet<>();
			group.forEach((row) -> rules.add(row.ruleId()));
			created.add(item(flagOf.get(key), group,
					"access-policy rule " + String.join(", ", rules) + "; " + group.size() + " disclosure(s)", now));
		});
	}

	private void outsideOfficeHours(List<Row> rows, Instant now, List<ReviewItem> created) {
		ReviewFlags.OfficeHours hours = this.flags.officeHours();
		for (ReviewFlags.Flag flag : this.flags.of(ReviewFlags.Kind.OUTSIDE_OFFICE_HOURS)) {
			Map<List<String>, List<Row>> groups = new LinkedHashMap<>();
			for (Row row : rows) {
				if ("PERMIT".equals(row.decision()) && !hours.contains(row.occurredAt())) {
					groups.computeIfAbsent(List.of(row.actor(), row.requestKey()), (k) -> new ArrayList<>()).add(row);
				}
			}
			DateTimeFormatter format = DateTimeFormatter.ofPattern("EEEE HH:mm", java.util.Locale.ENGLISH)
				.withZone(hours.zone());
			groups.values()
				.forEach((group) -> created.add(item(flag, group, group.size() + " disclosure(s) on "
						+ format.format(group.get(0).occurredAt()) + " " + hours.zone(), now)));
		}
	}

	/**
	 * Sliding windows per professional: {@code count} matching rows (or, for many
	 * persons, distinct persons) within {@code window}. Earlier rows already scanned
	 * count too, but not those already in an item of this rule; an item needs at least
	 * one new row. The earlier rows come from one bounded, index-backed query per
	 * professional (the newest {@code context-rows} matching rows in the window; for many
	 * persons the newest row per person among them), and the window slides in constant
	 * time per row, so a batch costs what its own rows cost, however busy the
	 * professional was before.
	 */
	private void windows(ReviewFlags.Flag flag, List<Row> rows, long last, Instant now, List<ReviewItem> created,
			java.util.function.Predicate<Row> matches, String matchesSql, boolean distinctPersons, Instant deadline) {
		Map<String, List<Row>> byActor = new LinkedHashMap<>();
		for (Row row : rows) {
			if (matches.test(row)) {
				byActor.computeIfAbsent(row.actor(), (k) -> new ArrayList<>()).add(row);
			}
		}
		for (Map.Entry<String, List<Row>> entry : byActor.entrySet()) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Review scan batch exceeded " + this.properties.batchTime());
			}
			String actor = entry.getKey();
			List<Row> fresh = entry.getValue();
			Instant earliest = fresh.stream().map(Row::occurredAt).min(Comparator.naturalOrder()).orElseThrow();
			LastItem lastItem = lastItem(actor, flag);
			List<Row> earlier = earlierRows(actor, last, earliest.minus(flag.window()), lastItem, matchesSql,
					distinctPersons);
			List<Row> all = new ArrayList<>(earlier);
			fresh.stream().filter(lastItem::leavesToCount).forEach(all::add);
			all.sort(IN_TIME);
			Deque<Row> window = new ArrayDeque<>();
			Map<UUID, Integer> persons = new java.util.HashMap<>();
			// new rows in the window: a late row (logged earlier than rows scanned
			// before) can complete a burst at one of those, which is not new itself
			int freshInWindow = 0;
			for (Row row : all) {
				window.addLast(row);
				freshInWindow += (row.seq() > last) ? 1 : 0;
				if (distinctPersons) {
					persons.merge(row.personId(), 1, Integer::sum);
				}
				while (window.peekFirst().occurredAt().isBefore(row.occurredAt().minus(flag.window()))) {
					Row gone = window.removeFirst();
					freshInWindow -= (gone.seq() > last) ? 1 : 0;
					if (distinctPersons) {
						persons.computeIfPresent(gone.personId(), (person, n) -> (n > 1) ? n - 1 : null);
					}
				}
				int counted = distinctPersons ? persons.size() : window.size();
				if (freshInWindow > 0 && counted >= flag.count()) {
					List<Row> members = distinctPersons ? firstPerPerson(window) : List.copyOf(window);
					String detail = distinctPersons ? counted + " different persons within " + flag.window()
							: counted + " refusals within " + flag.window();
					created.add(item(flag, members, detail, now).endingAt(row.occurredAt(), row.seq()));
					window.clear();
					persons.clear();
					freshInWindow = 0;
				}
			}
		}
	}

	/**
	 * Where a professional's last item of a rule ends: the time and seq of the row that
	 * completed it. Only rows after that one, in the order the scan reads them (time,
	 * then seq), count towards a next item: rows of one millisecond can be scanned in two
	 * batches, so the time alone cannot tell which of them the item counted. An item from
	 * before V81 has no seq; then only later times count.
	 */
	private LastItem lastItem(String actor, ReviewFlags.Flag flag) {
		List<LastItem> newest = this.jdbc.query("""
				select last_occurred_at, coalesce(last_seq, 9223372036854775807) from review_item
				where actor = ? and flag_rule = ? order by last_occurred_at desc, last_seq desc nulls first
				fetch first 1 rows only""", (rs, n) -> new LastItem(rs.getTimestamp(1).toInstant(), rs.getLong(2)),
				actor, flag.id());
		return newest.isEmpty() ? new LastItem(Instant.EPOCH, Long.MAX_VALUE) : newest.get(0);
	}

	private record LastItem(Instant endedAt, long seq) {

		boolean leavesToCount(Row row) {
			return row.occurredAt().isAfter(this.endedAt)
					|| (row.occurredAt().equals(this.endedAt) && row.seq() > this.seq);
		}

	}

	/**
	 * A professional's newest {@code context-rows} matching rows up to {@code last},
	 * within the window and after their last item of the rule, oldest first; for many
	 * persons only the newest row per person among them. The events come newest first by
	 * the (actor, time) index of each month, each with its items by the event's key
	 * (behind {@code offset 0}, so the planner keeps that order instead of joining the
	 * whole window and sorting it: through the view, 16 s for a professional with 16 M
	 * rows in the window); the rows from before events come the same way, and the two are
	 * merged here. {@code with ties} keeps every row at the bound, so the cut is the one
	 * {@code occurred_at desc, id desc} makes.
	 */
	private List<Row> earlierRows(String actor, long last, Instant from, LastItem lastItem, String matchesSql,
			boolean distinctPersons) {
		// within the window, from the last item's millisecond on
		Timestamp since = Timestamp.from(from.isAfter(lastItem.endedAt()) ? from : lastItem.endedAt());
		Timestamp endedAt = Timestamp.from(lastItem.endedAt());
		int bound = this.properties.contextRows();
		String events = """
				select i.seq, i.id, e.occurred_at, e.actor, e.actor_organisation, e.person_id, i.decision, i.flagged,
				       i.rule_id, e.request_id
				from disclosure_event e
				join lateral (select * from disclosure_event_item i
				              where i.event_id = e.id and i.occurred_at = e.occurred_at offset 0) i on true
				where e.actor = ? and i.seq <= ? and e.occurred_at >= ? and (e.occurred_at > ? or i.seq > ?) and %s
				order by e.occurred_at desc fetch first ? rows with ties""".formatted(matchesSql);
		String older = """
				select seq, id, occurred_at, actor, actor_organisation, person_id, decision, flagged, rule_id, request_id
				from disclosure_row where actor = ? and seq <= ? and occurred_at >= ? and (occurred_at > ? or seq > ?)
				  and %s
				order by occurred_at desc fetch first ? rows with ties"""
			.formatted(matchesSql);
		List<Row> newest = new ArrayList<>();
		for (String branch : List.of(events, older)) {
			// for many persons only each person's newest row leaves the database: a
			// busy professional's bound of rows is mostly the same few persons; the
			// bound is cut exactly first (rows at the same millisecond tie)
			if (distinctPersons) {
				String sql = """
						select * from (select distinct on (person_id) * from (
						                 select * from (%s) newest order by occurred_at desc, id desc limit ?) cut
						               order by person_id, occurred_at desc, seq desc) per_person""".formatted(branch);
				newest.addAll(this.jdbc.query(sql, ROW, actor, last, since, endedAt, lastItem.seq(), bound, bound));
			}
			else {
				newest.addAll(this.jdbc.query(branch, ROW, actor, last, since, endedAt, lastItem.seq(), bound));
			}
		}
		List<Row> kept;
		if (distinctPersons) {
			// each kind of row within its own bound; the newest per person of both
			Map<UUID, Row> perPerson = new LinkedHashMap<>();
			newest.stream().sorted(IN_TIME.reversed()).forEach((row) -> perPerson.putIfAbsent(row.personId(), row));
			kept = new ArrayList<>(perPerson.values());
		}
		else {
			// as PostgreSQL orders uuids: their bytes, unsigned
			newest.sort(Comparator.comparing(Row::occurredAt)
				.thenComparing(Row::id,
						Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
							.thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned))
				.reversed());
			kept = new ArrayList<>(newest.subList(0, Math.min(bound, newest.size())));
		}
		kept.sort(IN_TIME);
		return kept;
	}

	private static List<Row> firstPerPerson(Deque<Row> window) {
		Map<UUID, Row> first = new LinkedHashMap<>();
		for (Row row : window) {
			first.putIfAbsent(row.personId(), row);
		}
		return List.copyOf(first.values());
	}

	private static ReviewItem item(ReviewFlags.Flag flag, List<Row> rows, String detail, Instant now) {
		List<UUID> ids = rows.stream().map(Row::id).distinct().limit(MAX_IDS).toList();
		Instant first = rows.stream().map(Row::occurredAt).min(Comparator.naturalOrder()).orElseThrow();
		Instant lastAt = rows.stream().map(Row::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
		return new ReviewItem(flag, rows.get(0).actor(), rows.get(0).actorOrganisation(), ids, first, lastAt,
				(detail.length() > 500) ? detail.substring(0, 500) : detail, now);
	}

	private record Row(long seq, UUID id, Instant occurredAt, String actor, String actorOrganisation, UUID personId,
			String decision, boolean flagged, String ruleId, String requestId) {

		/**
		 * Rows of one request form one item; a row without a request id stands alone. The
		 * request id is the server's own (never the caller's correlation id, which any
		 * caller may repeat to fold many reads into one item).
		 */
		String requestKey() {
			return (this.requestId != null) ? this.requestId : this.id.toString();
		}

	}

}
