package nl.schakel.crypto;

/**
 * A column that holds {@link FieldCipher} ciphertext, declared by the feature that owns
 * it so the re-encryption job can find every sealed value after a key rotation.
 *
 * @param table the table
 * @param idColumn its uuid key column (the row id in the associated data)
 * @param column the bytea column with the ciphertext
 */
public record SealedColumn(String table, String idColumn, String column) {

	public SealedColumn {
		for (String name : new String[] { table, idColumn, column }) {
			if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
				throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
			}
		}
	}

	FieldBinding binding(java.util.UUID rowId) {
		return new FieldBinding(this.table, this.column, rowId);
	}

}
