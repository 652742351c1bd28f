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
		// a full verify digests ten million rows: the form is written into one buffer per
		// thread and hashed in one call (a call per byte of each field's length cost a
		// verify more than the hashing itself), with one digest per thread, reset
		CanonicalForm form = FORM.get();
		form.reset();
		form.field(Long.toString(row.seq()));
		form.field(row.id());
		form.field(micros(row.occurredAt()));
		form.field(row.actor());
		form.field(row.actorOrganisation());
		form.field(row.actorRole());
		form.field(row.caseId());
		form.field(row.personId());
		form.field(row.itemKind());
		form.field(row.itemId());
		form.field(row.category());
		form.field(row.purpose());
		form.field(row.legalBasis());
		form.field(row.ruleId());
		form.field(row.policyVersion());
		form.field(row.decision());
		form.field(row.channel());
		form.field(row.requestId());
		form.field(Boolean.toString(row.flagged()));
		form.field(micros(row.insertedAt()));
		// added later: hashed only when present, so rows sealed before it keep their
		// digests
		if (row.correlationId() != null || row.consentId() != null) {
			form.field(row.correlationId());
		}
		// the consent an item rests on, since one event per read: a row that has one
		// always hashes the correlation field before it, so the two can never be
		// mistaken for each other
		if (row.consentId() != null) {
			form.field(row.consentId());
		}
		return form.digest();
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

	private static final ThreadLocal<CanonicalForm> FORM = ThreadLocal.withInitial(CanonicalForm::new);

	/**
	 * A row's canonical form as it is written: the tag, then per field a presence byte
	 * and, when present, a 4-byte big-endian length and the UTF-8 bytes.
	 */
	private static final class CanonicalForm {

		private final MessageDigest sha = sha256();

		private byte[] bytes = new byte[1024];

		private int length;

		void reset() {
			System.arraycopy(ROW_TAG, 0, this.bytes, 0, ROW_TAG.length);
			this.length = ROW_TAG.length;
		}

		void field(String value) {
			if (value == null) {
				ensure(1);
				this.bytes[this.length++] = 0;
				return;
			}
			byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
			ensure(5 + utf8.length);
			this.bytes[this.length++] = 1;
			int n = utf8.length;
			this.bytes[this.length++] = (byte) (n >>> 24);
			this.bytes[this.length++] = (byte) (n >>> 16);
			this.bytes[this.length++] = (byte) (n >>> 8);
			this.bytes[this.length++] = (byte) n;
			System.arraycopy(utf8, 0, this.bytes, this.length, n);
			this.length += n;
		}

		byte[] digest() {
			this.sha.reset();
			this.sha.update(this.bytes, 0, this.length);
			return this.sha.digest();
		}

		private void ensure(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
			}
		}

	}

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

		private final ByteBuffer seq = ByteBuffer.allocate(8);

		void add(long seq, byte[] rowDigest) {
			this.sha.update(this.seq.putLong(0, seq).array());
			this.sha.update(rowDigest);
		}

		String finish() {
			return hex(this.sha.digest());
		}

	}

}
