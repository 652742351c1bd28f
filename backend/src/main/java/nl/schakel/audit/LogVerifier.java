package nl.schakel.audit;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import nl.schakel.audit.VerificationReport.RowDifference;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the sealed log: every block's hash from its rows, every block's link to the
 * one before it, optionally against an exported head. Streams blocks and rows side by
 * side with a fetch size, so ten million rows never sit in memory; only one block's row
 * digests per segment do. The chain is cut into segments (two per core), verified in
 * parallel in one snapshot. Each run is recorded in {@code log_verification}.
 */
@Component
class LogVerifier {

	private static final int MAX_BLOCKS_NAMED = 100;

	private static final int MAX_ROWS_NAMED = 1000;

	/**
	 * Segments verified side by side: two per core (while one waits for its next fetch,
	 * the other hashes), at most four connections from the pool.
	 */
	static final int PARALLELISM = Math.max(1, Math.min(4, 2 * Runtime.getRuntime().availableProcessors()));

	private final JdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate writes;

	private final Clock clock;

	LogVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		// one snapshot for blocks and rows alike
		this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.writes = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Verifies the chain.
	 * @param fromBlock the first block to recompute (1 for everything)
	 * @param expected an exported head the chain must still contain, or {@code null}
	 * @param verifiedBy who asked, for the record
	 * @return the report, also recorded
	 */
	VerificationReport verify(long fromBlock, ExportedHead expected, String verifiedBy) {
		return verify(fromBlock, expected, verifiedBy, PARALLELISM);
	}

	/**
	 * As {@link #verify(long, ExportedHead, String)}, in this many segments side by side
	 * at most.
	 */
	VerificationReport verify(long fromBlock, ExportedHead expected, String verifiedBy, int parallelism) {
		VerificationReport report = this.readOnly
			.execute((status) -> this.jdbc.execute((ConnectionCallback<VerificationReport>) (connection) -> {
				try (Statement statement = connection.createStatement()) {
					// a full verify of ten million rows may take longer than any reader
					// may
					statement.execute("set local transaction_timeout = 0");
				}
				return run(connection, Math.max(1, fromBlock), expected, Math.max(1, parallelism));
			}));
		record(report, verifiedBy);
		return report;
	}

	/** The last intact verification's head: where an incremental verify starts. */
	java.util.Optional<ExportedHead> lastIntactHead() {
		return this.jdbc
			.query("""
					select to_block, head_hash from log_verification
					where intact and to_block is not null and to_block > 0 order by id desc limit 1""",
					(rs, i) -> new ExportedHead(rs.getLong(1), rs.getString(2)))
			.stream()
			.findFirst();
	}

	private VerificationReport run(Connection connection, long fromBlock, ExportedHead expected, int parallelism)
			throws SQLException {
		Instant now = Instant.now(this.clock);
		long lastToSeq = -1;
		Long expectedPrevious = null;
		String previousStoredHash = null;
		if (fromBlock > 1) {
			try (PreparedStatement previous = connection
				.prepareStatement("select hash, to_seq from disclosure_block where number = ?")) {
				previous.setLong(1, fromBlock - 1);
				try (ResultSet rs = previous.executeQuery()) {
					if (rs.next()) {
						previousStoredHash = rs.getString(1);
						lastToSeq = rs.getLong(2);
					}
				}
			}
			expectedPrevious = fromBlock - 1;
		}
		// The chain splits into consecutive segments verified side by side, each on its
		// own
		// connection in this transaction's snapshot: a block's checks need only its own
		// rows
		// and the stored hash and last seq of the block before it, which the headers
		// give.
		List<Header> headers = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement("select number, to_seq, hash from disclosure_block where number >= ? order by number")) {
			statement.setFetchSize(10_000);
			statement.setLong(1, fromBlock);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					headers.add(new Header(rs.getLong(1), rs.getLong(2), rs.getString(3)));
				}
			}
		}
		// nothing sealed yet (or nothing new since the last verification): no segment to
		// check
		int parts = headers.isEmpty() ? 0 : Math.max(1, Math.min(parallelism, headers.size()));
		List<Segment> segments = new ArrayList<>();
		for (int part = 0; part < parts; part++) {
			int first = (int) ((long) headers.size() * part / parts);
			int last = (int) ((long) headers.size() * (part + 1) / parts) - 1;
			Header before = (first > 0) ? headers.get(first - 1) : null;
			segments.add(new Segment(headers.get(first).number(), headers.get(last).number(), headers.get(last).toSeq(),
					(before != null) ? before.number() : 0, (before != null) ? before.hash() : null,
					(before != null) ? before.toSeq() : lastToSeq));
		}
		List<SegmentResult> results = new ArrayList<>();
		if (segments.size() == 1) {
			results.add(verifySegment(connection, segments.get(0), fromBlock, previousStoredHash, expected));
		}
		else if (segments.size() > 1) {
			results.addAll(inParallel(connection, segments, fromBlock, previousStoredHash, expected));
		}
		Findings findings = new Findings();
		long checked = 0;
		long rows = 0;
		// with no block to check, the log still ends where this verify starts
		long lastNumber = (previousStoredHash != null) ? fromBlock - 1 : 0;
		String lastHash = previousStoredHash;
		for (SegmentResult result : results) {
			findings.addAll(result.findings());
			checked += result.checked();
			rows += result.rows();
			lastNumber = result.lastNumber();
			lastHash = result.lastHash();
			lastToSeq = result.lastToSeq();
		}
		if (expectedPrevious != null && previousStoredHash == null) {
			findings.problem(fromBlock, "block " + (fromBlock - 1) + ", where this verify starts, is missing");
			findings.broken(fromBlock);
		}
		if (expected != null) {
			if (expected.number() > lastNumber && expected.number() >= fromBlock) {
				findings.problem(expected.number(), "the exported head is block " + expected.number()
						+ ", but the log now ends at block " + lastNumber + " (newest blocks were removed)");
				findings.broken(lastNumber + 1);
			}
		}
		long unsealed = (lastToSeq >= 0) ? count(connection, lastToSeq) : count(connection, 0);
		return new VerificationReport(findings.brokenBlocks.isEmpty(), fromBlock, lastNumber, lastHash, checked, rows,
				findings.brokenBlocks.isEmpty() ? null : findings.brokenBlocks.get(0),
				List.copyOf(findings.brokenBlocks), List.copyOf(findings.rows), List.copyOf(findings.problems),
				unsealed, now);
	}

	/**
	 * The segments on connections of their own that import this transaction's snapshot,
	 * so every segment sees the log exactly as the first one does.
	 */
	private List<SegmentResult> inParallel(Connection connection, List<Segment> segments, long fromBlock,
			String previousStoredHash, ExportedHead expected) throws SQLException {
		String snapshot;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select pg_export_snapshot()")) {
			rs.next();
			snapshot = rs.getString(1);
		}
		DataSource dataSource = this.jdbc.getDataSource();
		ExecutorService workers = Executors.newFixedThreadPool(segments.size(), (task) -> {
			Thread thread = new Thread(task, "log-verifier");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<SegmentResult>> futures = new ArrayList<>();
			for (Segment segment : segments) {
				futures.add(workers.submit(() -> {
					try (Connection own = dataSource.getConnection()) {
						own.setAutoCommit(false);
						try (Statement statement = own.createStatement()) {
							statement.execute("set transaction isolation level repeatable read, read only");
							statement.execute("set transaction snapshot '" + snapshot.replace("'", "") + "'");
							statement.execute("set local transaction_timeout = 0");
						}
						try {
							return verifySegment(own, segment, fromBlock, previousStoredHash, expected);
						}
						finally {
							own.rollback();
						}
					}
				}));
			}
			List<SegmentResult> results = new ArrayList<>();
			for (Future<SegmentResult> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("The verification was interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof SQLException sql) {
				throw sql;
			}
			throw new IllegalStateException("A segment of the verification failed", ex.getCause());
		}
		finally {
			workers.shutdownNow();
		}
	}

	/** Verifies the blocks of one segment as a run over the whole chain would. */
	private static SegmentResult verifySegment(Connection connection, Segment segment, long fromBlock,
			String previousStoredHash, ExportedHead expected) throws SQLException {
		Findings findings = new Findings();
		long checked = 0;
		long rows = 0;
		long lastNumber = segment.numberBefore();
		String lastHash = segment.hashBefore();
		long lastToSeq = segment.toSeqBefore();
		// binary, so the row digests arrive as bytes rather than hex text
		try (PreparedStatement blocks = SealedRows.binary(connection.prepareStatement("""
				select number, from_seq, to_seq, row_count, row_digests, previous_hash, hash
				from disclosure_block where number >= ? and number <= ? order by number"""))) {
			blocks.setFetchSize(50);
			blocks.setLong(1, segment.firstNumber());
			blocks.setLong(2, segment.lastNumber());
			long firstSeq = (lastToSeq >= 0) ? lastToSeq + 1 : 0;
			try (ResultSet blockSet = blocks.executeQuery();
					SealedRows rowSet = SealedRows.between(connection, firstSeq, segment.lastToSeq())) {
				SealedRow pending = rowSet.next();
				while (blockSet.next()) {
					long number = blockSet.getLong(1);
					long fromSeq = blockSet.getLong(2);
					long toSeq = blockSet.getLong(3);
					int storedCount = blockSet.getInt(4);
					byte[] storedDigests = blockSet.getBytes(5);
					String previousHash = blockSet.getString(6);
					String hash = blockSet.getString(7);
					checked++;
					boolean broken = false;
					long expectedNumber = (lastNumber == 0) ? fromBlock : lastNumber + 1;
					if (number != expectedNumber) {
						findings.problem(number, "block " + number + ": the chain jumps from block "
								+ (expectedNumber - 1) + " to block " + number + " (blocks are missing)");
						broken = true;
					}
					String linkTo = (lastHash != null) ? lastHash
							: (number == 1) ? BlockHash.GENESIS : previousStoredHash;
					if (linkTo != null && !linkTo.equals(previousHash)) {
						findings.problem(number, "block " + number + ": its previous hash does not match block "
								+ (number - 1) + " (the chain was cut or rewritten here)");
						broken = true;
					}
					if (lastToSeq >= 0 && fromSeq != lastToSeq + 1) {
						findings.problem(number, "block " + number + ": it starts at seq " + fromSeq
								+ ", but the block before it ended at seq " + lastToSeq);
						broken = true;
					}
					Map<Long, byte[]> sealed = decode(storedDigests);
					List<SealedRow> blockRows = new ArrayList<>();
					while (pending != null && pending.seq() <= toSeq) {
						if (pending.seq() < fromSeq) {
							findings.problem(number,
									"row seq " + pending.seq() + " (" + pending.id() + ") lies in no block");
							broken = true;
						}
						else {
							blockRows.add(pending);
						}
						pending = rowSet.next();
					}
					rows += blockRows.size();
					BlockHash.Block recomputed = BlockHash.block(previousHash, number, fromSeq, toSeq, storedCount);
					List<RowDifference> differences = new ArrayList<>();
					for (SealedRow row : blockRows) {
						byte[] digest = BlockHash.digest(row);
						recomputed.add(row.seq(), digest);
						byte[] stored = sealed.remove(row.seq());
						if (stored == null) {
							differences
								.add(new RowDifference(number, row.seq(), RowDifference.Kind.UNEXPECTED, row.id()));
						}
						else if (!Arrays.equals(stored, BlockHash.storedDigest(digest))) {
							differences.add(new RowDifference(number, row.seq(), RowDifference.Kind.ALTERED, row.id()));
						}
					}
					for (Long missing : sealed.keySet()) {
						differences.add(new RowDifference(number, missing, RowDifference.Kind.MISSING, null));
					}
					differences.sort(java.util.Comparator.comparingLong(RowDifference::seq));
					if (!differences.isEmpty()) {
						findings.problem(number,
								"block " + number + ": " + differences.size() + " row(s) differ from what was sealed");
						findings.rows(differences);
						broken = true;
					}
					if (blockRows.size() != storedCount) {
						findings.problem(number,
								"block " + number + ": sealed " + storedCount + " rows, found " + blockRows.size());
						broken = true;
					}
					String computed = recomputed.finish();
					if (!computed.equals(hash)) {
						if (differences.isEmpty()) {
							findings.problem(number, "block " + number
									+ ": its stored hash does not match its rows (the block record was altered)");
						}
						broken = true;
					}
					if (expected != null && expected.number() == number && !expected.hash().equals(computed)) {
						findings.problem(number, "block " + number + ": the exported head says hash " + expected.hash()
								+ ", the log now gives " + computed);
						broken = true;
					}
					if (broken) {
						findings.broken(number);
					}
					lastNumber = number;
					lastHash = hash;
					lastToSeq = toSeq;
				}
			}
		}
		return new SegmentResult(findings, checked, rows, lastNumber, lastHash, lastToSeq);
	}

	private record Header(long number, long toSeq, String hash) {
	}

	/**
	 * Blocks firstNumber..lastNumber; the stored number, hash and last seq of the block
	 * before them.
	 */
	private record Segment(long firstNumber, long lastNumber, long lastToSeq, long numberBefore, String hashBefore,
			long toSeqBefore) {
	}

	private record SegmentResult(Findings findings, long checked, long rows, long lastNumber, String lastHash,
			long lastToSeq) {
	}

	private static long count(Connection connection, long afterSeq) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select count(*) from disclosure where seq > ?")) {
			statement.setLong(1, afterSeq);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static Map<Long, byte[]> decode(byte[] stored) {
		Map<Long, byte[]> digests = new LinkedHashMap<>();
		if (stored == null) {
			return digests;
		}
		ByteBuffer buffer = ByteBuffer.wrap(stored);
		while (buffer.remaining() >= BlockHash.ENTRY_BYTES) {
			long seq = buffer.getLong();
			byte[] digest = new byte[BlockHash.STORED_DIGEST_BYTES];
			buffer.get(digest);
			digests.put(seq, digest);
		}
		return digests;
	}

	private void record(VerificationReport report, String verifiedBy) {
		String summary = report.summary() + (report.problems().isEmpty() ? "" : "; " + report.problems().get(0));
		this.writes.executeWithoutResult((status) -> this.jdbc.update("""
				insert into log_verification (verified_at, verified_by, from_block, to_block, head_hash, rows_checked,
				                              intact, first_broken_block, summary)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(report.verifiedAt()), verifiedBy,
				report.fromBlock(), report.toBlock(), report.headHash(), report.rowsChecked(), report.intact(),
				report.firstBrokenBlock(), (summary.length() > 2000) ? summary.substring(0, 2000) : summary));
	}

	/**
	 * A head exported earlier: the chain must still contain this block with this hash.
	 */
	record ExportedHead(long number, String hash) {

		static ExportedHead parse(String text) {
			String[] parts = (text == null) ? new String[0] : text.strip().split("[:\\s]+");
			if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9a-fA-F]{64}")) {
				throw new IllegalArgumentException(
						"An exported head is written NUMBER:HASH, e.g. 12:3fa2...(64 hex digits)");
			}
			return new ExportedHead(Long.parseLong(parts[0]), parts[1].toLowerCase(java.util.Locale.ROOT));
		}

	}

	private static final class Findings {

		private final List<Long> brokenBlocks = new ArrayList<>();

		private final List<RowDifference> rows = new ArrayList<>();

		private final List<String> problems = new ArrayList<>();

		void problem(long block, String problem) {
			if (this.problems.size() < MAX_BLOCKS_NAMED * 3) {
				this.problems.add(problem);
			}
		}

		void broken(long block) {
			if (this.brokenBlocks.size() < MAX_BLOCKS_NAMED
					&& (this.brokenBlocks.isEmpty() || this.brokenBlocks.get(this.brokenBlocks.size() - 1) != block)) {
				this.brokenBlocks.add(block);
			}
		}

		void addAll(Findings other) {
			other.problems.forEach((problem) -> problem(0, problem));
			other.brokenBlocks.forEach(this::broken);
			rows(other.rows);
		}

		void rows(List<RowDifference> differences) {
			for (RowDifference difference : differences) {
				if (this.rows.size() < MAX_ROWS_NAMED) {
					this.rows.add(difference);
				}
			}
		}

	}

}
