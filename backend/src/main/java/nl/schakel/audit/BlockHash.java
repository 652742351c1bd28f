package nl.schakel.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical form of a disclosure row and the hashes over rows and blocks.
 *
 * <p>
 * A row's canonical form is a tag followed by its fields in a fixed order, each as a
 * presence byte and, when present, a 4-byte length and the UTF-8 bytes (times as
 * microseconds since the epoch), so no two different rows share a form. A block's hash is
 * SHA-256 over a tag, the previous block's hash, the block's number, first and last seq
 * and row count, and per row its seq and the SHA-256 of its canonical form, in seq order.
 */
final class BlockHash {

	/** The previous hash of the first block. */
	static final String GENESIS = "0".repeat(64);

	/**
	 * Bytes of a row digest kept in the block to name rows that differ: 8 (seq) + 16
	 * (hash).
	 */
	static final int STORED_DIGEST_BYTES = 16;

	static final int ENTRY_BYTES = 8 + STORED_DIGEST_BYTES;

	private static final byte[] ROW_TAG = "schakel-disclosure-v1".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] BLOCK_TAG = "schakel-block-v1".getBytes(StandardCharsets.US_ASCII);

	private BlockHash() {
	}

	/** The SHA-256 of a row's canonical form. */
	static byte[] digest(SealedRow row) {
		// a full verify digests ten million rows: one digest per thread, reset, not
		// looked up per row
		MessageDigest sha = ROW_DIGEST.get();
		sha.reset();
		sha.update(ROW_TAG);
		field(sha, Long.toString(row.seq()));
		field(sha, row.id());
		field(sha, micros(row.occurredAt()));
		field(sha, row.actor());
		field(sha, row.actorOrganisation());
		field(sha, row.actorRole());
		field(sha, row.caseId());
		field(sha, row.personId());
		field(sha, row.itemKind());
		field(sha, row.itemId());
		field(sha, row.category());
		field(sha, row.purpose());
		field(sha, row.legalBasis());
		field(sha, row.ruleId());
		field(sha, row.policyVersion());
		field(sha, row.decision());
		field(sha, row.channel());
		field(sha, row.requestId());
		field(sha, Boolean.toString(row.flagged()));
		field(sha, micros(row.insertedAt()));
		// added later: hashed only when present, so rows sealed before it keep their
		// digests
		if (row.correlationId() != null || row.consentId() != null) {
			field(sha, row.correlationId());
		}
		// the consent an item rests on, since one event per read: a row that has one
		// always
		// hashes the correlation field before it, so the two can never be mistaken for
		// each other
		if (row.consentId() != null) {
			field(sha, row.consentId());
		}
		return sha.digest();
	}

	/** A running block hash: feed the rows in seq order, then {@link Block#finish()}. */
	static Block block(String previousHash, long number, long fromSeq, long toSeq, int rowCount) {
		return new Block(previousHash, number, fromSeq, toSeq, rowCount);
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	static byte[] storedDigest(byte[] fullDigest) {
		return Arrays.copyOf(fullDigest, STORED_DIGEST_BYTES);
	}

	/**
	 * The row digests as stored in a block: per row its seq and the first 16 bytes of its
	 * digest.
	 */
	static byte[] storedDigests(List<Long> seqs, List<byte[]> digests) {
		ByteBuffer buffer = ByteBuffer.allocate(seqs.size() * ENTRY_BYTES);
		for (int i = 0; i < seqs.size(); i++) {
			buffer.putLong(seqs.get(i));
			buffer.put(storedDigest(digests.get(i)));
		}
		return buffer.array();
	}

	private static String micros(Instant instant) {
		if (instant == null) {
			return null;
		}
		return Long.toString(
				Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000));
	}

	private static void field(MessageDigest sha, Object value) {
		if (value == null) {
			sha.update((byte) 0);
			return;
		}
		byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
		sha.update((byte) 1);
		int length = bytes.length;
		sha.update((byte) (length >>> 24));
		sha.update((byte) (length >>> 16));
		sha.update((byte) (length >>> 8));
		sha.update((byte) length);
		sha.update(bytes);
	}

	private static final ThreadLocal<MessageDigest> ROW_DIGEST = ThreadLocal.withInitial(BlockHash::sha256);

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	static final class Block {

		private final MessageDigest sha = sha256();

		private Block(String previousHash, long number, long fromSeq, long toSeq, int rowCount) {
			this.sha.update(BLOCK_TAG);
			this.sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
			this.sha.update(
					ByteBuffer.allocate(28).putLong(number).putLong(fromSeq).putLong(toSeq).putInt(rowCount).array());
		}

		void add(long seq, byte[] rowDigest) {
			this.sha.update(ByteBuffer.allocate(8).putLong(seq).array());
			this.sha.update(rowDigest);
		}

		String finish() {
			return hex(this.sha.digest());
		}

	}

}
