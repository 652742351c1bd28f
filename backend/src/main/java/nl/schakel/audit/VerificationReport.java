package nl.schakel.audit;

import java.time.Instant;
import java.util.List;

/**
 * What a verify of the sealed log found.
 *
 * @param intact whether every block checked matches its rows and links to its predecessor
 * @param fromBlock the first block checked (1 for a full verify)
 * @param toBlock the last block checked, or 0 when there is none
 * @param headHash the hash of the last block checked
 * @param blocksChecked how many blocks were recomputed
 * @param rowsChecked how many rows were read
 * @param firstBrokenBlock the first block that does not match, or {@code null}
 * @param brokenBlocks the blocks that do not match (at most 100 are named)
 * @param differences the rows that differ from what was sealed (at most 1000 are named)
 * @param problems each problem in words, in block order
 * @param unsealedRows rows newer than the last block, not yet sealed
 * @param verifiedAt when the verify ran
 */
public record VerificationReport(boolean intact, long fromBlock, long toBlock, String headHash, long blocksChecked,
		long rowsChecked, Long firstBrokenBlock, List<Long> brokenBlocks, List<RowDifference> differences,
		List<String> problems, long unsealedRows, Instant verifiedAt) {

	/** One row that differs from what was sealed in a block. */
	public record RowDifference(long block, long seq, Kind kind, String rowId) {

		/** How it differs. */
		public enum Kind {

			/** The row is there, but its contents (or its place) changed. */
			ALTERED,
			/** The row was sealed but is gone. */
			MISSING,
			/** The row is in the block's range but was not sealed in it. */
			UNEXPECTED

		}

	}

	/** A few lines for a terminal or a log. */
	public String summary() {
		StringBuilder text = new StringBuilder();
		if (this.intact && this.toBlock == 0) {
			text.append("Disclosure log intact: nothing sealed yet");
		}
		else if (this.intact) {
			text.append("Disclosure log intact: blocks ")
				.append(this.fromBlock)
				.append("..")
				.append(this.toBlock)
				.append(" (")
				.append(this.rowsChecked)
				.append(" rows) verified; head ")
				.append(this.headHash);
		}
		else {
			text.append("Disclosure log NOT intact: first broken block ").append(this.firstBrokenBlock);
		}
		text.append("; ").append(this.unsealedRows).append(" row(s) not yet sealed");
		return text.toString();
	}

}
