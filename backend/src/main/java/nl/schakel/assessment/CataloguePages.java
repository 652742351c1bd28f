package nl.schakel.assessment;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.organisation.Domain;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Beheer's pages for the intervention catalogue ({@code /beheer/interventions}): the
 * catalogue with every intervention, retired ones marked, and its history in words; a
 * form to add one and to change one (the code stays); retiring one. A form that comes
 * back wrong shows each message at its field and writes nothing.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class CataloguePages {

	private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	static final int HISTORY_LINES = 100;

	private final CatalogueInForce catalogue;

	private final CatalogueEditing editing;

	private final AssessmentInstrument instrument;

	private final MessageSource messages;

	CataloguePages(CatalogueInForce catalogue, CatalogueEditing editing, AssessmentInstrument instrument,
			MessageSource messages) {
		this.catalogue = catalogue;
		this.editing = editing;
		this.instrument = instrument;
		this.messages = messages;
	}

	/** The form as typed, so a form that comes back shows what was typed. */
	record Form(String code, String nameNl, String nameEn, String providerNl, String providerEn, String deliveredBy,
			List<String> workingElements, List<String> ageGroups, List<String> phases, List<String> statuses,
			String minimumDurationWeeks, Boolean traumaSensitive, Boolean trustBuilding, Boolean familyOrCommunity) {

		static Form empty() {
			return new Form("", "", "", "", "", "", List.of(), List.of(), List.of(), List.of(), "0", false, false,
					false);
		}

		static Form of(InterventionCatalogue.Intervention entry) {
			return new Form(entry.code(), entry.name().nl(), entry.name().en(), entry.providerType().nl(),
					entry.providerType().en(), entry.deliveredBy(), entry.workingElements(),
					texts(entry.targetGroup().ageGroups()), texts(entry.targetGroup().phases()),
					texts(entry.targetGroup().statuses()), String.valueOf(entry.conditions().minimumDurationWeeks()),
					entry.conditions().traumaSensitive(), entry.conditions().trustBuilding(),
					entry.conditions().familyOrCommunity());
		}

		private static List<String> texts(java.util.Set<Integer> values) {
			return java.util.Arrays.stream(CatalogueInForce.sorted(values)).map(String::valueOf).toList();
		}

	}

	/**
	 * One line of the history, with its time in the safety house's zone and each field
	 * that changed in words (labels, never codes).
	 */
	record HistoryLine(CatalogueEditing.Change change, ZonedDateTime at, List<String> fields) {
	}

	@GetMapping("/beheer/interventions")
	String list(Model model) {
		model.addAttribute("catalogue", this.catalogue.current());
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("history",
				this.editing.history(HISTORY_LINES)
					.stream()
					.map((c) -> new HistoryLine(c, c.changedAt().atZone(ZONE),
							c.fields().stream().map((f) -> inWords(f, locale)).toList()))
					.toList());
		return "beheer/interventions";
	}

	@GetMapping("/beheer/interventions/new")
	String blank(Model model) {
		return form(model, null, Form.empty(), List.of());
	}

	@GetMapping("/beheer/interventions/{code}/edit")
	String edit(@PathVariable String code, Model model) {
		InterventionCatalogue.Intervention entry = this.catalogue.current()
			.intervention(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("retired", entry.retired());
		return form(model, code, Form.of(entry), List.of());
	}

	@PostMapping("/beheer/interventions")
	String add(Access access, Form form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>();
		CatalogueEntry entry = entry(form, problems);
		try {
			if (!problems.isEmpty()) {
				throw new InvalidInput(alsoChecked(entry, null, problems));
			}
			CatalogueEditing.Edited added = this.editing.add(access.actor(), entry);
			redirect.addFlashAttribute("notice", "catalogue.edit.added");
			redirect.addFlashAttribute("noticeVersion", added.catalogueVersion());
			return "redirect:/beheer/interventions";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, null, form, worded(merged(problems, ex.problems())));
		}
		catch (CatalogueEditing.CodeTaken ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return form(model, null, form, worded(List.of(new FieldProblem("code", "catalogue.error.codeTaken"))));
		}
	}

	@PostMapping("/beheer/interventions/{code}")
	String change(Access access, @PathVariable String code, Form form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>();
		CatalogueEntry entry = entry(form, problems);
		try {
			if (!problems.isEmpty()) {
				// an unknown code is a 404 before it is a form to correct
				this.catalogue.current()
					.intervention(code)
					.orElseThrow(() -> new CatalogueEditing.NoSuchIntervention(code));
				throw new InvalidInput(alsoChecked(entry, code, problems));
			}
			CatalogueEditing.Edited changed = this.editing.change(access.actor(), code, entry);
			redirect.addFlashAttribute("notice", changed.changed() ? "catalogue.edit.changed" : "catalogue.edit.same");
			redirect.addFlashAttribute("noticeVersion", changed.catalogueVersion());
			return "redirect:/beheer/interventions";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, code, form, worded(merged(problems, ex.problems())));
		}
		catch (CatalogueEditing.NoSuchIntervention ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	@PostMapping("/beheer/interventions/{code}/retirement")
	String retire(Access access, @PathVariable String code, RedirectAttributes redirect) {
		try {
			CatalogueEditing.Edited retired = this.editing.retire(access.actor(), code);
			redirect.addFlashAttribute("notice", "catalogue.edit.retired");
			redirect.addFlashAttribute("noticeVersion", retired.catalogueVersion());
			return "redirect:/beheer/interventions";
		}
		catch (CatalogueEditing.NoSuchIntervention ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/** "Name (Dutch): was „A", becomes „B"", with labels for codes and scale values. */
	private String inWords(CatalogueEditing.FieldChange change, Locale locale) {
		String field = this.messages.getMessage("catalogue.field." + change.field(), null, change.field(), locale);
		String after = value(change.field(), change.after(), locale);
		return (change.before() == null)
				? this.messages.getMessage("catalogue.history.set", new Object[] { field, after }, locale)
				: this.messages.getMessage("catalogue.history.from",
						new Object[] { field, value(change.field(), change.before(), locale), after }, locale);
	}

	private String value(String field, String value, Locale locale) {
		if (value == null) {
			return "—";
		}
		return switch (field) {
			case "deliveredBy" -> this.messages.getMessage("domain." + value, null, value, locale);
			case "workingElements" ->
				words(value, (v) -> this.messages.getMessage("element." + v, null, v, locale), locale);
			case "targetGroup.ageGroups" -> words(value, (v) -> anchor("age-group", v, locale), locale);
			case "targetGroup.phases" -> words(value, (v) -> anchor("phase", v, locale), locale);
			case "targetGroup.statuses" -> words(value, (v) -> anchor("justice-status", v, locale), locale);
			case "conditions.traumaSensitive", "conditions.trustBuilding", "conditions.familyOrCommunity", "retired" ->
				this.messages.getMessage("true".equals(value) ? "catalogue.history.yes" : "catalogue.history.no", null,
						locale);
			case "conditions.minimumDurationWeeks" -> value;
			default -> "\u201E" + value + "\u201D";
		};
	}

	private String words(String joined, java.util.function.Function<String, String> word, Locale locale) {
		if (joined.isBlank()) {
			return this.messages.getMessage("catalogue.history.any", null, locale);
		}
		return java.util.Arrays.stream(joined.split(", ")).map(word).collect(java.util.stream.Collectors.joining(", "));
	}

	private String anchor(String scale, String value, Locale locale) {
		return this.instrument.scales()
			.stream()
			.filter((s) -> s.code().equals(scale))
			.flatMap((s) -> s.anchors().stream())
			.filter((a) -> String.valueOf(a.value()).equals(value))
			.map((a) -> a.label().in(locale))
			.findFirst()
			.orElse(value);
	}

	private String form(Model model, String code, Form form, List<FieldProblem> problems) {
		model.addAttribute("code", code);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("domains", Domain.values());
		model.addAttribute("elements", InterventionCatalogue.WORKING_ELEMENTS);
		Map<String, AssessmentInstrument.Scale> scales = new LinkedHashMap<>();
		this.instrument.scales().forEach((s) -> scales.put(s.code(), s));
		model.addAttribute("scales", scales);
		if (!model.containsAttribute("retired")) {
			model.addAttribute("retired", false);
		}
		return "beheer/intervention-form";
	}

	/**
	 * The form as the service takes it; what cannot even be read (a duration that is no
	 * number, a scale value that is no number) is a problem at its field already.
	 */
	private static CatalogueEntry entry(Form form, List<FieldProblem> problems) {
		Integer weeks = null;
		String typed = (form.minimumDurationWeeks() != null) ? form.minimumDurationWeeks().strip() : "";
		if (!typed.isEmpty()) {
			try {
				weeks = Integer.valueOf(typed);
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem("conditions.minimumDurationWeeks", "catalogue.error.weeks"));
			}
		}
		return new CatalogueEntry(form.code(), new Label(form.nameNl(), form.nameEn()),
				new Label(form.providerNl(), form.providerEn()), form.deliveredBy(),
				(form.workingElements() != null) ? form.workingElements() : List.of(),
				new CatalogueEntry.TargetGroup(numbers(form.ageGroups(), "targetGroup.ageGroups", problems),
						numbers(form.phases(), "targetGroup.phases", problems),
						numbers(form.statuses(), "targetGroup.statuses", problems)),
				new CatalogueEntry.Conditions(weeks, form.traumaSensitive(), form.trustBuilding(),
						form.familyOrCommunity()));
	}

	private static List<Integer> numbers(List<String> values, String field, List<FieldProblem> problems) {
		List<Integer> found = new ArrayList<>();
		for (String value : (values != null) ? values : List.<String>of()) {
			try {
				found.add(Integer.valueOf(value.strip()));
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem(field, "catalogue.error.scale"));
			}
		}
		return found;
	}

	/** What could not be read, and what the service finds wrong with the rest. */
	private List<FieldProblem> alsoChecked(CatalogueEntry entry, String code, List<FieldProblem> read) {
		try {
			this.editing.check(entry, code);
			return read;
		}
		catch (InvalidInput ex) {
			return merged(read, ex.problems());
		}
	}

	private static List<FieldProblem> merged(List<FieldProblem> read, List<FieldProblem> checked) {
		List<FieldProblem> all = new ArrayList<>(read);
		checked.stream().filter((p) -> !all.contains(p)).forEach(all::add);
		return all;
	}

	/**
	 * Problems in the reader's language, one per field: a list entry in error is the
	 * list's problem on a page.
	 */
	private List<FieldProblem> worded(List<FieldProblem> problems) {
		Map<String, FieldProblem> byField = new LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			String field = problem.field().replaceAll("\\[\\d+]$", "");
			byField.putIfAbsent(field, new FieldProblem(field, this.messages.getMessage(problem.message(), null,
					problem.message(), LocaleContextHolder.getLocale())));
		}
		return List.copyOf(byField.values());
	}

}
