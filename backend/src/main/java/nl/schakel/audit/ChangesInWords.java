package nl.schakel.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.schakel.organisation.OrganisationNames;
import nl.schakel.policy.PurposeLabels;
import nl.schakel.professional.ProfessionalDirectory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The change history of a case told in sentences a privacy officer reads without knowing
 * the tables: "Sanne de Vries (Zorg- en Veiligheidshuis Midden) zette de status van
 * Triage op In casusoverleg — doel Triage, 3 december 2026 14:02."
 * ({@code ${@changesInWords.of(entries, zone)}} in a template). It uses only what
 * {@link ChangeHistory} already allows an auditor to see: a withheld field is named ("de
 * inhoud"), never its value.
 */
@Component("changesInWords")
public class ChangesInWords {

	private final MessageSource messages;

	private final ProfessionalDirectory professionals;

	private final OrganisationNames organisations;

	private final PurposeLabels purposes;

	ChangesInWords(MessageSource messages, ProfessionalDirectory professionals, OrganisationNames organisations,
			PurposeLabels purposes) {
		this.messages = messages;
		this.professionals = professionals;
		this.organisations = organisations;
		this.purposes = purposes;
	}

	/** One sentence per change, oldest first, with the change it tells. */
	public List<Line> of(List<HistoryEntry> entries, ZoneId zone) {
		Locale locale = LocaleContextHolder.getLocale();
		DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale).withZone(zone);
		// the values an earlier revision of the same record had, to say "from ... to ..."
		Map<UUID, Map<String, String>> before = new HashMap<>();
		List<Line> lines = new ArrayList<>();
		for (HistoryEntry entry : entries) {
			Map<String, String> known = before.computeIfAbsent(entry.recordId(), (id) -> new HashMap<>());
			String who = who(entry);
			List<String> clauses = clauses(entry, who, known, locale);
			for (HistoryEntry.FieldChange field : entry.fields()) {
				if (!field.hidden()) {
					known.put(field.field(), field.value());
				}
			}
			String context = text("history.context", locale,
					(entry.purpose() != null) ? this.purposes.of(entry.purpose()) : text("history.noPurpose", locale),
					when.format(entry.time()));
			lines.add(new Line(entry, String.join("; ", clauses) + " " + context));
		}
		return lines;
	}

	private List<String> clauses(HistoryEntry entry, String who, Map<String, String> known, Locale locale) {
		Map<String, String> values = new HashMap<>();
		Set<String> changed = new LinkedHashSet<>();
		for (HistoryEntry.FieldChange field : entry.fields()) {
			changed.add(field.field());
			if (!field.hidden()) {
				values.put(field.field(), field.value());
			}
		}
		List<String> clauses = new ArrayList<>();
		switch (entry.record()) {
			case "case" -> caseClauses(entry, who, values, changed, known, locale, clauses);
			case "participant" -> participantClauses(entry, who, values, changed, known, locale, clauses);
			default -> contributionClauses(entry, who, values, changed, locale, clauses);
		}
		return clauses;
	}

	private void caseClauses(HistoryEntry entry, String who, Map<String, String> values, Set<String> changed,
			Map<String, String> known, Locale locale, List<String> clauses) {
		if ("ADDED".equals(entry.change())) {
			clauses.add(text("history.case.added", locale, who, nullToDash(values.get("reference")),
					label("caseType." + values.get("case_type"), locale),
					label("status." + values.get("status"), locale)));
			return;
		}
		if ("DELETED".equals(entry.change())) {
			clauses.add(text("history.case.deleted", locale, who));
			return;
		}
		if (changed.remove("status")) {
			String from = known.get("status");
			clauses.add((from != null)
					? text("history.case.status", locale, who, label("status." + from, locale),
							label("status." + values.get("status"), locale))
					: text("history.case.statusSet", locale, who, label("status." + values.get("status"), locale)));
		}
		if (changed.remove("triage_outcome") && values.get("triage_outcome") != null) {
			clauses
				.add(text("history.case.triage", locale, who, label("triage." + values.get("triage_outcome"), locale)));
		}
		if (changed.remove("coordinator_username")) {
			clauses.add(text("history.case.coordinator", locale, who,
					this.professionals.name(values.get("coordinator_username"))));
		}
		if (changed.remove("case_type")) {
			clauses.add(text("history.case.type", locale, who, label("caseType." + values.get("case_type"), locale)));
		}
		// the dates that follow from a status change say nothing the status does not
		changed.removeAll(Set.of("closed_on", "opened_on", "reopened_on"));
		others(who, "history.case.fields", changed, locale, clauses);
	}

	private void participantClauses(HistoryEntry entry, String who, Map<String, String> values, Set<String> changed,
			Map<String, String> known, Locale locale, List<String> clauses) {
		String code = values.getOrDefault("organisation_code", known.get("organisation_code"));
		String organisation = (code != null) ? this.organisations.of(code) : text("history.anOrganisation", locale);
		if ("ADDED".equals(entry.change())) {
			String purposes = this.purposes.all(array(values.get("purposes")));
			List<String> named = array(values.get("professionals"));
			clauses.add(named.isEmpty() ? text("history.participant.added", locale, who, organisation, purposes)
					: text("history.participant.addedNamed", locale, who, organisation, purposes,
							this.professionals.personNames(named)));
			return;
		}
		if ("DELETED".equals(entry.change()) || (changed.contains("removed_at") && values.get("removed_at") != null)) {
			clauses.add(text("history.participant.removed", locale, who, organisation));
			return;
		}
		if (changed.remove("purposes")) {
			clauses.add(text("history.participant.purposes", locale, who, organisation,
					this.purposes.all(array(values.get("purposes")))));
		}
		if (changed.remove("valid_until")) {
			String until = values.get("valid_until");
			clauses.add((until == null) ? text("history.participant.untilLifted", locale, who, organisation)
					: text("history.participant.until", locale, who, organisation, date(until, locale)));
		}
		changed.removeAll(Set.of("admitted_by", "admitted_at", "removed_by", "removed_at"));
		others(who, "history.participant.fields", changed, locale, clauses, organisation);
	}

	private void contributionClauses(HistoryEntry entry, String who, Map<String, String> values, Set<String> changed,
			Locale locale, List<String> clauses) {
		if ("ADDED".equals(entry.change())) {
			clauses.add(
					text("history.contribution.added", locale, who, label("category." + values.get("category"), locale),
							label("basis." + values.get("legal_basis"), locale)));
			// what was written but is withheld here: named, so the auditor knows it
			// exists
			List<String> withheld = entry.fields()
				.stream()
				.filter(HistoryEntry.FieldChange::hidden)
				.map((field) -> this.messages.getMessage("history.field." + field.field(), null, null, locale))
				.filter(java.util.Objects::nonNull)
				.toList();
			if (!withheld.isEmpty()) {
				clauses.add(text("history.contribution.withheld", locale, String.join(", ", withheld)));
			}
			return;
		}
		if ("DELETED".equals(entry.change())) {
			clauses.add(text("history.contribution.deleted", locale, who));
			return;
		}
		others(who, "history.contribution.fields", changed, locale, clauses);
	}

	private void others(String who, String key, Set<String> changed, Locale locale, List<String> clauses,
			Object... more) {
		if (changed.isEmpty()) {
			if (clauses.isEmpty()) {
				clauses.add(text(key, locale, concat(who, text("history.field.nothing", locale), more)));
			}
			return;
		}
		List<String> names = new ArrayList<>();
		int unnamed = 0;
		for (String field : changed) {
			String name = this.messages.getMessage("history.field." + field, null, null, locale);
			if (name != null) {
				names.add(name);
			}
			else {
				unnamed++;
			}
		}
		if (unnamed > 0) {
			names.add(text("history.field.other", locale, unnamed));
		}
		clauses.add(text(key, locale, concat(who, String.join(", ", names), more)));
	}

	private static Object[] concat(String who, String fields, Object... more) {
		Object[] arguments = new Object[2 + more.length];
		arguments[0] = who;
		arguments[1] = fields;
		System.arraycopy(more, 0, arguments, 2, more.length);
		return arguments;
	}

	private String who(HistoryEntry entry) {
		if (entry.actor() == null || "system".equals(entry.actor())) {
			return text("history.actor.system", LocaleContextHolder.getLocale());
		}
		return this.professionals.name(entry.actor(), entry.organisation());
	}

	private String label(String key, Locale locale) {
		return this.messages.getMessage(key, null, "–", locale);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private static String date(String isoDate, Locale locale) {
		try {
			return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(LocalDate.parse(isoDate));
		}
		catch (RuntimeException ex) {
			return isoDate;
		}
	}

	private static String nullToDash(String value) {
		return (value != null) ? value : "–";
	}

	/**
	 * A PostgreSQL array as text, {@code {A,"B, c"}}, as its elements: an element with a
	 * comma, quote, brace or space comes quoted, with backslash escapes, and must arrive
	 * whole.
	 */
	static List<String> array(String text) {
		if (text == null || text.length() < 2 || "{}".equals(text)) {
			return List.of();
		}
		List<String> elements = new java.util.ArrayList<>();
		StringBuilder element = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		for (int i = 1; i < text.length() - 1; i++) {
			char c = text.charAt(i);
			if (quoted && c == '\\' && i + 1 < text.length() - 1) {
				element.append(text.charAt(++i));
			}
			else if (c == '"') {
				quoted = !quoted;
				wasQuoted = true;
			}
			else if (c == ',' && !quoted) {
				add(elements, element, wasQuoted);
				element.setLength(0);
				wasQuoted = false;
			}
			else {
				element.append(c);
			}
		}
		add(elements, element, wasQuoted);
		return List.copyOf(elements);
	}

	private static void add(List<String> elements, StringBuilder element, boolean wasQuoted) {
		String value = wasQuoted ? element.toString() : element.toString().strip();
		if (!value.isEmpty()) {
			elements.add(value);
		}
	}

	/**
	 * One change as a sentence.
	 *
	 * @param entry the change, for the technical details in small print
	 * @param sentence what happened, in the reader's language
	 */
	public record Line(HistoryEntry entry, String sentence) {
	}

}
