package nl.schakel.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The head of the sealed log: the newest block's number and hash. Exported (printed,
 * signed, filed elsewhere), it lets a later verify detect that the newest blocks were cut
 * off or rewritten.
 *
 * @param number the block number
 * @param hash its SHA-256 (hex)
 * @param toSeq the last seq it seals
 * @param rowCount the rows in this block
 * @param sealedAt when it was sealed
 */
public record SealedHead(long number, String hash, long toSeq, int rowCount, Instant sealedAt) {

	static Optional<SealedHead> latest(JdbcTemplate jdbc) {
		return jdbc.query(
				"select number, hash, to_seq, row_count, sealed_at from disclosure_block order by number desc limit 1",
				(rs, i) -> new SealedHead(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
						rs.getObject(5, OffsetDateTime.class).toInstant()))
			.stream()
			.findFirst();
	}

}
