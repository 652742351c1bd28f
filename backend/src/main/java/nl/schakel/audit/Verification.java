package nl.schakel.audit;

import java.time.Instant;

/** One recorded run of verify. */
public record Verification(Instant verifiedAt, String verifiedBy, Long fromBlock, Long toBlock, String headHash,
		long rowsChecked, boolean intact, Long firstBrokenBlock, String summary) {
}
