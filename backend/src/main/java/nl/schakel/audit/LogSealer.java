package nl.schakel.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals settled disclosure rows into hash-chained blocks. Readers that write disclosures
 * never wait for it: it takes no lock on the log, only a transaction-scoped advisory lock
 * among sealers (so one instance seals at a time), and it seals only rows that are
 * settled — inserted longer ago than any transaction may last, and older than the start
 * of any application transaction still writing — so no row with a lower seq can still
 * commit.
 */
@Component
class LogSealer {

	/** The advisory lock key of sealing ("SEAL" in ASCII). */
	static final long SEAL_LOCK = 0x5345414CL;

	private static final Logger log = LoggerFactory.getLogger(LogSealer.class);

	/** Every row of the log as stored: the rows from before events and the items. */
	private static final String STORED_ROWS = "select seq, inserted_at from disclosure_row "
			+ "union all select seq, inserted_at from disclosure_event_item";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AuditProperties properties;

	private final Clock clock;

	LogSealer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, AuditProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Seals every settled row, one block of at most {@code block-size} rows per
	 * transaction.
	 * @return the blocks sealed (none if another instance holds the lock)
	 */
	List<SealedHead> sealSettled() {
		List<SealedHead> sealed = new ArrayList<>();
		while (true) {
			Optional<SealedHead> block = this.transactions.execute((status) -> sealOneBlock());
			if (block == null || block.isEmpty()) {
				break;
			}
			sealed.add(block.get());
		}
		if (!sealed.isEmpty()) {
			SealedHead head = sealed.get(sealed.size() - 1);
			log.info("Sealed {} block(s) of the disclosure log; head is block {} ({})", sealed.size(), head.number(),
					head.hash());
		}
		return sealed;
	}

	private Optional<SealedHead> sealOneBlock() {
		Boolean locked = this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, SEAL_LOCK);
		if (!Boolean.TRUE.equals(locked)) {
			return Optional.empty();
		}
		Optional<SealedHead> previous = SealedHead.latest(this.jdbc);
		long afterSeq = previous.map(SealedHead::toSeq).orElse(0L);
		// settled: inserted before the cut-off, which is older than both the seal lag and
		// the
		// start of any application transaction that has written and not yet ended
		Timestamp cutoff = this.jdbc.queryForObject("""
				select least(now() - make_interval(secs => ?),
				             coalesce((select min(xact_start) from pg_stat_activity
				                       where usename = current_user and pid <> pg_backend_pid()
				                         and backend_xid is not null), 'infinity') - interval '1 second')""",
				Timestamp.class, this.properties.sealLag().toMillis() / 1000.0);
		// the rows the tables hold, not only those the view shows: an item that cannot
		// find
		// its event must stop the seal (below), not wait unseen beyond its end
		List<Long> horizon = this.jdbc.queryForList(
				"select seq from (" + STORED_ROWS + ") r where seq > ? and inserted_at < ? order by seq desc limit 1",
				Long.class, afterSeq, cutoff);
		if (horizon.isEmpty()) {
			return Optional.empty();
		}
		List<Long> limit = this.jdbc.queryForList(
				"select seq from (" + STORED_ROWS + ") r where seq > ? and seq <= ? order by seq limit 1 offset ?",
				Long.class, afterSeq, horizon.get(0), this.properties.blockSize() - 1);
		long toSeq = limit.isEmpty() ? horizon.get(0) : limit.get(0);
		long number = previous.map(SealedHead::number).orElse(0L) + 1;
		String previousHash = previous.map(SealedHead::hash).orElse(BlockHash.GENESIS);

		List<Long> seqs = new ArrayList<>();
		List<byte[]> digests = new ArrayList<>();
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			try (SealedRows rows = SealedRows.between(connection, afterSeq + 1, toSeq)) {
				for (SealedRow row = rows.next(); row != null; row = rows.next()) {
					seqs.add(row.seq());
					digests.add(BlockHash.digest(row));
				}
			}
			return null;
		});
		// the view shows an item only with its event (joined on the event's id and
		// time): an item that cannot find its event would pass the seal unseen, so the
		// block is not sealed until every row the tables hold in its range is in it
		Long stored = this.jdbc.queryForObject("""
				select (select count(*) from disclosure_row where seq > ? and seq <= ?)
				     + (select count(*) from disclosure_event_item where seq > ? and seq <= ?)""", Long.class, afterSeq,
				toSeq, afterSeq, toSeq);
		if (stored == null || stored != seqs.size()) {
			throw new IllegalStateException("Not sealing rows " + (afterSeq + 1) + " to " + toSeq + ": the log holds "
					+ stored + " rows there, but only " + seqs.size() + " find their read");
		}
		BlockHash.Block block = BlockHash.block(previousHash, number, afterSeq + 1, toSeq, seqs.size());
		for (int i = 0; i < seqs.size(); i++) {
			block.add(seqs.get(i), digests.get(i));
		}
		String hash = block.finish();
		Instant sealedAt = Instant.now(this.clock);
		this.jdbc.update(
				"""
						insert into disclosure_block (number, from_seq, to_seq, row_count, row_digests, previous_hash, hash, sealed_at)
						values (?, ?, ?, ?, ?, ?, ?, ?)""",
				number, afterSeq + 1, toSeq, seqs.size(), BlockHash.storedDigests(seqs, digests), previousHash, hash,
				Timestamp.from(sealedAt));
		return Optional.of(new SealedHead(number, hash, toSeq, seqs.size(), sealedAt));
	}

}
