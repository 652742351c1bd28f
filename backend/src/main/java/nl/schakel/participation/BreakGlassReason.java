package nl.schakel.participation;

import java.text.Normalizer;

/**
 * The written reason for emergency access: it is what the privacy officer reviews, so it
 * must say something. Counted after NFC normalisation, without white space and invisible
 * characters, so padding with spaces or zero-width characters does not make a reason.
 */
public final class BreakGlassReason {

	/** The fewest visible characters a reason holds. */
	public static final int MIN_VISIBLE_CHARACTERS = 20;

	private BreakGlassReason() {
	}

	public static boolean isSufficient(String reason) {
		return reason != null && visibleCharacters(reason) >= MIN_VISIBLE_CHARACTERS;
	}

	static long visibleCharacters(String reason) {
		return Normalizer.normalize(reason, Normalizer.Form.NFC)
			.codePoints()
			.filter(BreakGlassReason::isVisible)
			.count();
	}

	private static boolean isVisible(int codePoint) {
		if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
			return false;
		}
		int type = Character.getType(codePoint);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
				&& type != Character.PRIVATE_USE && type != Character.SURROGATE && type != Character.NON_SPACING_MARK
				&& type != Character.ENCLOSING_MARK;
	}

}
