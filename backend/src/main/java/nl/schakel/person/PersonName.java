package nl.schakel.person;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a person's name is kept and compared. The same name can be typed as different code
 * points (a precomposed "é" or "e" plus a combining accent), with other capitals or extra
 * spaces; stored in NFC with single spaces, and compared without regard to case, such
 * variants are one name.
 */
public final class PersonName {

	private PersonName() {
	}

	/** The form a name is stored in: NFC, stripped, runs of white space as one space. */
	public static String normalise(String name) {
		if (name == null) {
			return null;
		}
		return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
	}

	/** Whether two names are the same name as a coordinator would read them. */
	static boolean sameName(String one, String other) {
		return matchKey(one).equals(matchKey(other));
	}

	static String matchKey(String name) {
		return normalise(name).toLowerCase(Locale.ROOT);
	}

}
