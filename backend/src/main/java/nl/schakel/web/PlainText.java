package nl.schakel.web;

/**
 * What text may hold. Control characters (other than tab and line breaks) and the Unicode
 * direction overrides, embeddings and isolates are refused in every text field: they make
 * a name or a reason read differently on screen than it is stored and compared (a
 * reversed name, a hidden line in a review list), and a NUL cannot even be stored.
 */
public final class PlainText {

	private PlainText() {
	}

	/** Whether the text holds a character no field accepts. */
	public static boolean hasHiddenCharacters(String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (isHidden(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** Whether the text breaks onto another line or holds a tab: never in a name. */
	public static boolean hasLineBreaks(String text) {
		return text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0);
	}

	static boolean isHidden(char c) {
		if (Character.getType(c) == Character.CONTROL) {
			return c != '\n' && c != '\r' && c != '\t';
		}
		// LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
	}

}
