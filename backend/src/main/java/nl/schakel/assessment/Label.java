package nl.schakel.assessment;

import java.util.Locale;

/**
 * A text in Dutch (first) and English, as written in the files under {@code policies/}.
 */
public record Label(String nl, String en) {

	/** The text for the locale: English for an English reader, Dutch otherwise. */
	public String in(Locale locale) {
		return (locale != null && "en".equals(locale.getLanguage())) ? this.en : this.nl;
	}

}
