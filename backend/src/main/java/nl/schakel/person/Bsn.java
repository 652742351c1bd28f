package nl.schakel.person;

import java.util.Optional;

/**
 * A burgerservicenummer that passed the eleven-test. Its {@link #toString()} never shows
 * the number, so it cannot leak into a log by accident.
 */
public final class Bsn {

	private final String digits;

	private Bsn(String digits) {
		this.digits = digits;
	}

	/**
	 * The BSN in {@code text}, ignoring spaces and dots, if it passes the eleven-test.
	 */
	public static Optional<Bsn> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String digits = text.replace(" ", "").replace(".", "");
		return isValid(digits) ? Optional.of(new Bsn(digits)) : Optional.empty();
	}

	static boolean isValid(String digits) {
		// ASCII digits only: Character.isDigit also admits other scripts' digits
		// (Arabic-Indic
		// U+0660.. is '0'.. plus a multiple of 11), which would pass the eleven-test and
		// then be
		// sealed and blind-indexed as a different number than the same BSN typed in ASCII
		if (digits.length() != 9 || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (9 - i) * (digits.charAt(i) - '0');
		}
		sum -= digits.charAt(8) - '0';
		return sum % 11 == 0 && !digits.equals("000000000");
	}

	/** The nine digits, for sealing and for the blind index only. */
	public String digits() {
		return this.digits;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Bsn bsn && bsn.digits.equals(this.digits);
	}

	@Override
	public int hashCode() {
		return this.digits.hashCode();
	}

	@Override
	public String toString() {
		return "Bsn[*********]";
	}

}
