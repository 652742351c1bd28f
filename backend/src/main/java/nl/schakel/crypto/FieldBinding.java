package nl.schakel.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a sealed value lives: its table, column and row. The binding is the associated
 * data of the AEAD, so a ciphertext only opens at the place it was sealed for.
 *
 * <p>
 * Its canonical form is {@code schakel:v1:
 *
<table>
 * :<column>:<rowId>} in UTF-8; table and column may therefore not contain a colon.
 *
 * @param table the table the value is stored in, e.g. {@code contribution}
 * @param column the column the value is stored in, e.g. {@code content}
 * @param rowId the id of the row the value belongs to
 * @param caseId the case the value belongs to, whose data key seals it
 * ({@link CaseKeys}); {@code null} for a value that belongs to no single case (a person's
 * BSN), sealed under the master key. Not part of the associated data: the case key itself
 * keeps one case's ciphertext from opening in another.
 */
public record FieldBinding(String table, String column, UUID rowId, UUID caseId) {

	public FieldBinding {
		requireName(table, "table");
		requireName(column, "column");
		Objects.requireNonNull(rowId, "rowId");
	}

	/** A value that belongs to no single case: sealed under the master key. */
	public FieldBinding(String table, String column, UUID rowId) {
		this(table, column, rowId, null);
	}

	byte[] associatedData() {
		return ("schakel:v1:" + this.table + ":" + this.column + ":" + this.rowId).getBytes(StandardCharsets.UTF_8);
	}

	// A colon inside a name would let two different bindings share one canonical form
	// ("a:b" + "c" and "a" + "b:c"), and with it one another's ciphertexts.
	private static void requireName(String name, String what) {
		Objects.requireNonNull(name, what);
		if (name.isBlank() || name.indexOf(':') >= 0) {
			throw new IllegalArgumentException(what + " must be non-blank and contain no ':' but was '" + name + "'");
		}
	}

}
