package nl.schakel.crypto;

/**
 * A sealed field could not be opened: it was sealed for another row, column or table,
 * with a key that is not in the keyset, or it was tampered with. The message names the
 * binding, never the content.
 */
public class FieldDecryptionException extends RuntimeException {

	private final transient FieldBinding binding;

	FieldDecryptionException(FieldBinding binding, Throwable cause) {
		super("Cannot open " + binding.table() + "." + binding.column() + " of row " + binding.rowId()
				+ ": sealed for another place, with an unknown key, or tampered with", cause);
		this.binding = binding;
	}

	/**
	 * @return the place the caller tried to open the value for
	 */
	public FieldBinding binding() {
		return this.binding;
	}

}
