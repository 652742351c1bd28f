package nl.schakel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a page as a screen reader would for one field: the elements its
 * {@code aria-describedby} names and their text, and the links of the error summary at
 * the top of a form. Enough for the markup of {@code fragments/fields.html}; not an HTML
 * parser.
 */
public final class FieldMessages {

	private FieldMessages() {
	}

	/**
	 * The texts of what the control (or group) with this id is described by, in order;
	 * empty when it names nothing.
	 */
	public static List<String> describing(String html, String id) {
		Matcher tag = Pattern.compile("<[a-z]+\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
		if (!tag.find()) {
			throw new AssertionError("no element with id " + id);
		}
		Matcher describedBy = Pattern.compile("aria-describedby=\"([^\"]*)\"").matcher(tag.group());
		List<String> texts = new ArrayList<>();
		if (describedBy.find()) {
			for (String ref : describedBy.group(1).trim().split("\\s+")) {
				texts.add(textOf(html, ref));
			}
		}
		return texts;
	}

	/** The text of the element with this id (its markup stripped). */
	public static String textOf(String html, String id) {
		Matcher element = Pattern
			.compile("<([a-z]+)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
			.matcher(html);
		if (!element.find()) {
			throw new AssertionError("no element with id " + id);
		}
		return element.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

	/** Whether the control with this id says it is in error. */
	public static boolean invalid(String html, String id) {
		Matcher tag = Pattern.compile("<[a-z]+\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
		return tag.find() && tag.group().contains("aria-invalid=\"true\"");
	}

	/**
	 * The link targets of the error summary with this id (each {@code #control}), in
	 * order; the summary must be focusable and announced.
	 */
	public static List<String> summaryLinks(String html, String summaryId) {
		Matcher summary = Pattern
			.compile("<div\\b([^>]*\\bid=\"" + Pattern.quote(summaryId) + "\"[^>]*)>(.*?)</div>", Pattern.DOTALL)
			.matcher(html);
		if (!summary.find()) {
			throw new AssertionError("no error summary " + summaryId);
		}
		String attributes = summary.group(1);
		if (!attributes.contains("role=\"alert\"") || !attributes.contains("tabindex=\"-1\"")
				|| !attributes.contains("data-focus") || !attributes.contains("autofocus")) {
			throw new AssertionError("the summary " + summaryId + " is not announced and focused: " + attributes);
		}
		List<String> links = new ArrayList<>();
		Matcher link = Pattern.compile("<a href=\"#([^\"]+)\"").matcher(summary.group(2));
		while (link.find()) {
			links.add(link.group(1));
		}
		return links;
	}

}
