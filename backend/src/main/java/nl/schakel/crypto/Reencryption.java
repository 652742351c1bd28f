package nl.schakel.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Re-encrypts, under the primary key, every sealed value that an older key still
 * protects: the second half of a rotation (the first is adding a new primary key, after
 * which new writes use it and old rows stay readable). Works in batches, keyed on the row
 * id, so it can run while the application serves users; a value already under the primary
 * key is left alone, so a second run finds nothing to do.
 *
 * <p>
 * It writes with plain SQL: a re-encryption changes no content, so it adds no Envers
 * revision.
 */
public final class Reencryption {

	private static final Logger log = LoggerFactory.getLogger(Reencryption.class);

	static final int BATCH = 500;

	private final FieldCipher cipher;

	private final JdbcTemplate jdbc;

	public Reencryption(FieldCipher cipher, JdbcTemplate jdbc) {
		this.cipher = cipher;
		this.jdbc = jdbc;
	}

	/** Reseals the old-key values of one column; returns how many it rewrote. */
	public int reseal(SealedColumn column) {
		String select = "select " + column.idColumn() + ", " + column.column() + " from " + column.table() + " where "
				+ column.column() + " is not null and " + column.idColumn() + " > ? order by " + column.idColumn()
				+ " limit " + BATCH;
		String update = "update " + column.table() + " set " + column.column() + " = ? where " + column.idColumn()
				+ " = ? and " + column.column() + " = ?";
		// PostgreSQL orders uuids as unsigned bytes: the nil uuid comes first
		UUID after = new UUID(0L, 0L);
		int rewritten = 0;
		while (true) {
			List<Row> rows = this.jdbc.query(select, (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2)),
					after);
			if (rows.isEmpty()) {
				break;
			}
			List<Object[]> updates = new ArrayList<>();
			for (Row row : rows) {
				if (this.cipher.isSealedWithMasterKeyset(row.ciphertext())
						&& !this.cipher.isSealedWithPrimary(row.ciphertext())) {
					byte[] resealed = this.cipher.reseal(row.ciphertext(), column.binding(row.id()));
					// the old value in the WHERE clause: a concurrent change wins and is
					// not overwritten
					updates.add(new Object[] { resealed, row.id(), row.ciphertext() });
				}
			}
			if (!updates.isEmpty()) {
				for (int count : this.jdbc.batchUpdate(update, updates)) {
					rewritten += Math.max(count, 0);
				}
			}
			after = rows.get(rows.size() - 1).id();
		}
		log.info("Re-encrypted {} value(s) in {}.{}", rewritten, column.table(), column.column());
		return rewritten;
	}

	private record Row(UUID id, byte[] ciphertext) {
	}

}
