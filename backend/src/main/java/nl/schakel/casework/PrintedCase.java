package nl.schakel.casework;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The case summary as one reader may see it under one purpose, for print and PDF: the
 * case as the gate let it through (withheld contributions stay "exists" without content),
 * and who printed it, under which purpose and when — which every printed page repeats.
 *
 * @param dossier the case as opened for this export
 * @param timeline every contribution the gate lets the reader know of, oldest first
 * @param reader who printed it
 * @param printedAt when, in the safety house's time zone
 * @param sections further parts of the case (the plan of action with its actions, the
 * minutes of case meetings), each already read through the gate; empty until those parts
 * exist
 */
public record PrintedCase(CaseDossier dossier, List<TimelineEntry> timeline, Reader reader, ZonedDateTime printedAt,
		List<Section> sections) {

	/**
	 * The person who printed the summary: name, organisation and the purpose of reading.
	 */
	public record Reader(String name, String organisation, String purposeNl, String purposeEn) {
	}

	/**
	 * A titled part of the summary with its lines, for what the case page shows beside
	 * the contributions (plan of action, actions, minutes).
	 *
	 * @param titleKey the message key of the section's title
	 * @param lines its lines, in order
	 */
	public record Section(String titleKey, List<Line> lines) {
	}

	/**
	 * One line of a section: a short heading (an action's owner and deadline, say) and
	 * its text.
	 */
	public record Line(String heading, String text) {
	}

}
