package nl.schakel.audit;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;

/**
 * The log's rows in seal order, from one seq to another, exactly as the view
 * {@code disclosure} shows them: the rows written before one event per read
 * ({@code disclosure_row}) and every item joined to its event on the event's id and time.
 *
 * <p>
 * Read without the view. Through the view, PostgreSQL joined a range of items to their
 * events by estimating the join's size from multiplied selectivities (a few rows, for
 * millions), then scanned every month of events and sorted the range before its first
 * row: 12 to 17 seconds of a full verify before any hashing began. Here the items come by
 * seq in chunks, each chunk's events by their keys ({@code id = any(...)} within the
 * chunk's time span, so only its months are probed), and the join is made in memory: an
 * event's columns are read once for all its items instead of once per item. An item whose
 * event (same id, same time) is not there is left out, as the view leaves it out: the
 * seal refuses such a range, and the verifier reports the row as missing.
 */
final class SealedRows implements AutoCloseable {

	/** Items read per round trip, with their events: about one block. */
	static final int CHUNK = 10_000;

	private static final String ITEMS = """
			select seq, id, event_id, occurred_at, actor_role, item_kind, item_id, category, legal_basis,
			       rule_id, decision, flagged, inserted_at, consent_id
			from disclosure_event_item where seq >= ? and seq <= ? order by seq limit ?""";

	private static final String EVENTS = """
			select id, occurred_at, actor, actor_organisation, case_id, person_id, purpose, policy_version,
			       channel, request_id, correlation_id
			from disclosure_event where id = any(?) and occurred_at >= ? and occurred_at <= ?""";

	private static final String LEGACY = """
			select seq, id, occurred_at, actor, actor_organisation, actor_role, case_id, person_id, item_kind,
			       item_id, category, purpose, legal_basis, rule_id, policy_version, decision, channel,
			       request_id, flagged, inserted_at, correlation_id
			from disclosure_row where seq >= ? and seq <= ? order by seq limit ?""";

	/** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in microseconds since Java's. */
	private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

	private final Connection connection;

	private final long toSeq;

	private final PreparedStatement items;

	private final PreparedStatement events;

	private final PreparedStatement legacyQuery;

	private final ResultSet legacy;

	private SealedRow pendingLegacy;

	private final ArrayDeque<SealedRow> joined = new ArrayDeque<>();

	private final int chunkSize;

	/** The first seq the next chunk of items starts at, until {@link #itemsDone}. */
	private long nextItemSeq;

	private boolean itemsDone;

	private SealedRows(Connection connection, long fromSeq, long toSeq, int chunkSize, long maxRows)
			throws SQLException {
		this.connection = connection;
		this.toSeq = toSeq;
		this.chunkSize = chunkSize;
		this.nextItemSeq = fromSeq;
		this.itemsDone = fromSeq > toSeq;
		PreparedStatement items = null;
		PreparedStatement events = null;
		PreparedStatement legacyQuery = null;
		try {
			items = binary(connection.prepareStatement(ITEMS));
			events = binary(connection.prepareStatement(EVENTS));
			legacyQuery = binary(connection.prepareStatement(LEGACY));
			legacyQuery.setFetchSize(2_000);
			legacyQuery.setLong(1, fromSeq);
			legacyQuery.setLong(2, toSeq);
			legacyQuery.setLong(3, maxRows);
			this.legacy = legacyQuery.executeQuery();
		}
		catch (SQLException | RuntimeException ex) {
			// a statement closes its result set: nothing opened here outlives the failure
			for (PreparedStatement opened : new PreparedStatement[] { items, events, legacyQuery }) {
				if (opened != null) {
					try {
						opened.close();
					}
					catch (SQLException suppressed) {
						ex.addSuppressed(suppressed);
					}
				}
			}
			throw ex;
		}
		this.items = items;
		this.events = events;
		this.legacyQuery = legacyQuery;
	}

	/**
	 * The rows with seq from {@code fromSeq} to {@code toSeq}, both included, in seq
	 * order. The connection must be in a transaction (the legacy rows stream by cursor).
	 */
	static SealedRows between(Connection connection, long fromSeq, long toSeq) throws SQLException {
		return between(connection, fromSeq, toSeq, CHUNK);
	}

	/** As {@link #between(Connection, long, long)}, this many items per round trip. */
	static SealedRows between(Connection connection, long fromSeq, long toSeq, int chunkSize) throws SQLException {
		return between(connection, fromSeq, toSeq, chunkSize, Long.MAX_VALUE);
	}

	/**
	 * As {@link #between(Connection, long, long, int)}, for a reader that takes at most
	 * {@code maxRows} rows: the rows from before events are then planned for that many,
	 * not for the whole range.
	 */
	static SealedRows between(Connection connection, long fromSeq, long toSeq, int chunkSize, long maxRows)
			throws SQLException {
		SealedRows rows = new SealedRows(connection, fromSeq, toSeq, Math.max(1, chunkSize), Math.max(1, maxRows));
		try {
			rows.pendingLegacy = rows.nextLegacy();
			return rows;
		}
		catch (SQLException | RuntimeException ex) {
			rows.close();
			throw ex;
		}
	}

	/** The next row in seq order, or {@code null} after the last. */
	SealedRow next() throws SQLException {
		if (this.joined.isEmpty() && !this.itemsDone) {
			readItems();
		}
		SealedRow item = this.joined.peekFirst();
		if (this.pendingLegacy != null && (item == null || this.pendingLegacy.seq() < item.seq())) {
			SealedRow row = this.pendingLegacy;
			this.pendingLegacy = nextLegacy();
			return row;
		}
		return this.joined.pollFirst();
	}

	/**
	 * The next chunk of items, each joined to its event. A chunk whose items all lack
	 * their event is passed over for the next, so an empty queue means no items are left.
	 */
	private void readItems() throws SQLException {
		while (this.joined.isEmpty() && !this.itemsDone) {
			List<Item> chunk = new ArrayList<>(this.chunkSize);
			this.items.setLong(1, this.nextItemSeq);
			this.items.setLong(2, this.toSeq);
			this.items.setInt(3, this.chunkSize);
			try (ResultSet rs = this.items.executeQuery()) {
				while (rs.next()) {
					chunk.add(Item.read(rs));
				}
			}
			long last = chunk.isEmpty() ? this.toSeq : chunk.get(chunk.size() - 1).seq();
			// done after a short chunk or at the range's end (no seq past it is computed)
			this.itemsDone = chunk.size() < this.chunkSize || last >= this.toSeq;
			this.nextItemSeq = this.itemsDone ? this.nextItemSeq : last + 1;
			if (chunk.isEmpty()) {
				return;
			}
			Map<EventKey, Event> byKey = events(chunk);
			for (Item item : chunk) {
				Event event = byKey.get(new EventKey(item.eventId(), item.occurredAt()));
				if (event != null) {
					this.joined.addLast(item.with(event));
				}
			}
		}
	}

	private Map<EventKey, Event> events(List<Item> chunk) throws SQLException {
		Set<UUID> ids = new LinkedHashSet<>();
		Instant earliest = null;
		Instant latest = null;
		for (Item item : chunk) {
			ids.add(item.eventId());
			earliest = (earliest == null || item.occurredAt().isBefore(earliest)) ? item.occurredAt() : earliest;
			latest = (latest == null || item.occurredAt().isAfter(latest)) ? item.occurredAt() : latest;
		}
		Map<EventKey, Event> byKey = new HashMap<>(ids.size() * 2);
		this.events.setArray(1, this.connection.createArrayOf("uuid", ids.toArray(UUID[]::new)));
		this.events.setObject(2, earliest.atOffset(ZoneOffset.UTC));
		this.events.setObject(3, latest.atOffset(ZoneOffset.UTC));
		try (ResultSet rs = this.events.executeQuery()) {
			while (rs.next()) {
				Event event = Event.read(rs);
				byKey.put(new EventKey(event.id(), event.occurredAt()), event);
			}
		}
		return byKey;
	}

	private SealedRow nextLegacy() throws SQLException {
		if (!this.legacy.next()) {
			return null;
		}
		ResultSet rs = this.legacy;
		return new SealedRow(rs.getLong(1), text(rs, 2), instant(rs, 3), rs.getString(4), rs.getString(5),
				rs.getString(6), text(rs, 7), text(rs, 8), rs.getString(9), text(rs, 10), rs.getString(11),
				rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
				rs.getString(17), rs.getString(18), rs.getBoolean(19), instant(rs, 20), rs.getString(21), null);
	}

	@Override
	public void close() throws SQLException {
		try (this.items; this.events; this.legacyQuery; this.legacy) {
			// closes all four, the first failure reported
		}
	}

	/**
	 * Server-side prepared from the first execution, so the driver fetches seqs, ids,
	 * times and flags in binary instead of parsing their text per row.
	 */
	static PreparedStatement binary(PreparedStatement statement) throws SQLException {
		try {
			statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
			return statement;
		}
		catch (SQLException | RuntimeException ex) {
			statement.close();
			throw ex;
		}
	}

	/** A uuid column as the view's {@code ::text} gives it: lower-case, hyphenated. */
	private static String text(ResultSet rs, int column) throws SQLException {
		UUID id = rs.getObject(column, UUID.class);
		return (id != null) ? id.toString() : null;
	}

	/**
	 * A {@code timestamptz} column. In binary it is 8 bytes, microseconds since
	 * 2000-01-01 UTC, read here directly: the driver's {@code OffsetDateTime} builds a
	 * new set of zone rules per value, a tenth of a full verify's time. A column sent as
	 * text (a driver set so) goes through the driver. The log holds no infinite times;
	 * one is refused rather than read as a date.
	 */
	private static Instant instant(ResultSet rs, int column) throws SQLException {
		byte[] raw = rs.getBytes(column);
		if (raw == null) {
			return null;
		}
		if (rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(column) != 1 || raw.length != 8) {
			return rs.getObject(column, OffsetDateTime.class).toInstant();
		}
		long postgres = ByteBuffer.wrap(raw).getLong();
		if (postgres == Long.MAX_VALUE || postgres == Long.MIN_VALUE) {
			throw new SQLException("An infinite time in the disclosure log (column " + column + ")");
		}
		long micros = postgres + POSTGRES_EPOCH_MICROS;
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
	}

	private record EventKey(UUID id, Instant occurredAt) {
	}

	private record Event(UUID id, Instant occurredAt, String actor, String actorOrganisation, String caseId,
			String personId, String purpose, String policyVersion, String channel, String requestId,
			String correlationId) {

		static Event read(ResultSet rs) throws SQLException {
			return new Event(rs.getObject(1, UUID.class), instant(rs, 2), rs.getString(3), rs.getString(4), text(rs, 5),
					text(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
		}

	}

	private record Item(long seq, String id, UUID eventId, Instant occurredAt, String actorRole, String itemKind,
			String itemId, String category, String legalBasis, String ruleId, String decision, boolean flagged,
			Instant insertedAt, String consentId) {

		static Item read(ResultSet rs) throws SQLException {
			return new Item(rs.getLong(1), text(rs, 2), rs.getObject(3, UUID.class), instant(rs, 4), rs.getString(5),
					rs.getString(6), text(rs, 7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
					rs.getBoolean(12), instant(rs, 13), text(rs, 14));
		}

		/**
		 * The row the view shows: the event's columns where the view takes the event's.
		 */
		SealedRow with(Event event) {
			return new SealedRow(this.seq, this.id, event.occurredAt(), event.actor(), event.actorOrganisation(),
					this.actorRole, event.caseId(), event.personId(), this.itemKind, this.itemId, this.category,
					event.purpose(), this.legalBasis, this.ruleId, event.policyVersion(), this.decision,
					event.channel(), event.requestId(), this.flagged, this.insertedAt, event.correlationId(),
					this.consentId);
		}

	}

}
