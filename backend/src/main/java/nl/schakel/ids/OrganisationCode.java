package nl.schakel.ids;

import java.util.Objects;

/**
 * A partner organisation, by the short code accounts and policies name it by
 * ({@code zvh-midden}). Checked as organisations' codes are checked where they come in:
 * present, not blank, and within the 64 characters the {@code organisation.code} column
 * holds; whether such an organisation exists is the organisation directory's question.
 */
public record OrganisationCode(String value) {

	/** The width of {@code organisation.code}. */
	public static final int MAX_LENGTH = 64;

	public OrganisationCode {
		Objects.requireNonNull(value, "value");
		if (!isWellFormed(value)) {
			throw new IllegalArgumentException("an organisation code is 1 to " + MAX_LENGTH + " characters");
		}
	}

	/**
	 * Whether a code as typed could name an organisation at all: a check for input, where
	 * anything else is answered as an organisation that is not there.
	 */
	public static boolean isWellFormed(String value) {
		return value != null && !value.isBlank() && value.length() <= MAX_LENGTH;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
