package nl.schakel.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpSession;
import nl.schakel.casefile.CaseClosed;
import nl.schakel.ids.CaseId;
import nl.schakel.casework.CasePurposes;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the assessment page: a partner rates the items of its own domains, the
 * coordinator adds the integrated judgement, an organisation records a licensed
 * instrument administered elsewhere; the coordinator chooses an intervention, partners
 * record barriers and the outcome. Each goes through the same service as the API and
 * answers with the page: a notice, or the problems at their fields with the input kept.
 */
@Controller
class AssessmentForms {

	static final String ERRORS = "formErrors";

	static final String INPUT = "formInput";

	private final AssessmentService assessments;

	private final InterventionService interventions;

	private final AssessmentInstrument instrument;

	private final CasePurposes purposes;

	AssessmentForms(AssessmentService assessments, InterventionService interventions, AssessmentInstrument instrument,
			CasePurposes purposes) {
		this.assessments = assessments;
		this.interventions = interventions;
		this.instrument = instrument;
		this.purposes = purposes;
	}

	@PostMapping("/cases/{id}/assessment")
	String assess(Access access, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			HttpSession session, RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		List<FieldProblem> early = new ArrayList<>();
		// the service names ratings by their place in the list; the page names them by
		// item
		List<String> ratingKeys = new ArrayList<>();
		List<AssessmentRequest.Rating> ratings = new ArrayList<>();
		for (AssessmentInstrument.Domain domain : this.instrument.domains()) {
			for (AssessmentInstrument.Item item : domain.items()) {
				String key = domain.code() + "." + item.code();
				String score = value(form, "score." + key);
				String justification = value(form, "justification." + key);
				if (score == null && justification == null) {
					continue;
				}
				Integer parsed = null;
				if (score != null) {
					try {
						parsed = Integer.valueOf(score);
					}
					catch (NumberFormatException ex) {
						early.add(new FieldProblem("score." + key, "A score is one of the anchors"));
						continue;
					}
				}
				ratingKeys.add(key);
				ratings.add(new AssessmentRequest.Rating(domain.code(), item.code(), parsed, justification));
			}
		}
		LegalBasis basis = LegalBasis.PUBLIC_TASK;
		if (value(form, "legalBasis") != null) {
			try {
				basis = LegalBasis.valueOf(value(form, "legalBasis"));
			}
			catch (IllegalArgumentException ex) {
				early.add(new FieldProblem("legalBasis", "Unknown legal basis"));
			}
		}
		AssessmentRequest.LicensedInstrument licensed = null;
		String name = value(form, "licensedInstrument.name");
		String by = value(form, "licensedInstrument.administeredBy");
		String on = value(form, "licensedInstrument.administeredOn");
		String level = value(form, "licensedInstrument.overallLevel");
		if (name != null || by != null || on != null || level != null) {
			licensed = new AssessmentRequest.LicensedInstrument(name, by,
					date(on, "licensedInstrument.administeredOn", early), level);
		}
		String section = value(form, "form");
		String anchor = "#" + ((section != null && section.matches("[a-z-]{1,30}")) ? section : "assess");
		AssessmentRequest request = new AssessmentRequest(value(form, "moment"), ratings, value(form, "note"), basis,
				null, value(form, "statutoryReference"), value(form, "integratedJudgement"),
				value(form, "concernLevel"), value(form, "concernJustification"), licensed);
		return submit(id, form, redirect, anchor, early, (f) -> {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("ratings\\[(\\d+)]\\.(\\w+)").matcher(f);
			if (m.matches() && Integer.parseInt(m.group(1)) < ratingKeys.size()) {
				String part = "justification".equals(m.group(2)) ? "justification" : "score";
				return part + "." + ratingKeys.get(Integer.parseInt(m.group(1)));
			}
			return f;
		}, () -> this.assessments.record(new CaseId(id), access.actor(), purpose, request), "assessment.recorded");
	}

	@PostMapping("/cases/{id}/interventions")
	String choose(Access access, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			HttpSession session, RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		List<FieldProblem> early = new ArrayList<>();
		LocalDate startedOn = date(value(form, "startedOn"), "startedOn", early);
		Integer weeks = null;
		if (value(form, "expectedWeeks") != null) {
			try {
				weeks = Integer.valueOf(value(form, "expectedWeeks"));
			}
			catch (NumberFormatException ex) {
				early.add(new FieldProblem("expectedWeeks", "Expected duration in weeks, 1 to 520"));
			}
		}
		List<String> domains = (form.get("addressedDomains") != null) ? form.get("addressedDomains") : List.of();
		List<Integer> partRows = new ArrayList<>();
		List<InterventionRequest.Part> parts = new ArrayList<>();
		List<Integer> personRows = new ArrayList<>();
		List<InterventionRequest.InvolvedPerson> persons = new ArrayList<>();
		for (int row = 0; row < ROWS; row++) {
			String organisation = value(form, "parts" + row + ".organisation");
			String description = value(form, "parts" + row + ".description");
			if (organisation != null || description != null) {
				partRows.add(row);
				parts.add(new InterventionRequest.Part(organisation, description));
			}
			String person = value(form, "involvedPersons" + row + ".name");
			String role = value(form, "involvedPersons" + row + ".role");
			if (person != null || role != null) {
				personRows.add(row);
				persons.add(new InterventionRequest.InvolvedPerson(person, role));
			}
		}
		InterventionRequest request = new InterventionRequest(value(form, "intervention"), startedOn, weeks, domains,
				parts, persons, value(form, "note"));
		return submit(id, form, redirect, "#choose", early, (f) -> {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("(parts|involvedPersons)\\[(\\d+)]\\.(\\w+)")
				.matcher(f);
			if (m.matches()) {
				List<Integer> rows = "parts".equals(m.group(1)) ? partRows : personRows;
				int at = Integer.parseInt(m.group(2));
				return m.group(1) + ((at < rows.size()) ? rows.get(at) : 0) + "." + m.group(3);
			}
			if (f.startsWith("addressedDomains")) {
				return "addressedDomains";
			}
			if ("parts".equals(f)) {
				return "parts0.organisation";
			}
			return f;
		}, () -> {
			this.interventions.choose(new CaseId(id), access.actor(), purpose, request);
		}, "intervention.chosen");
	}

	@PostMapping("/cases/{id}/interventions/{interventionId}/outcome")
	String outcome(Access access, @PathVariable UUID id, @PathVariable UUID interventionId,
			@RequestParam MultiValueMap<String, String> form, HttpSession session, RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		List<FieldProblem> early = new ArrayList<>();
		InterventionRequest.OutcomeRequest request = new InterventionRequest.OutcomeRequest(value(form, "outcome"),
				date(value(form, "endedOn"), "endedOn", early), value(form, "reason"), value(form, "note"));
		String prefix = "outcome-" + interventionId + ".";
		return submit(
				id, form, redirect, "#i-" + interventionId, early, (f) -> prefix + f, () -> this.interventions
					.recordOutcome(new CaseId(id), interventionId, access.actor(), purpose, request),
				"intervention.outcomeRecorded");
	}

	@PostMapping("/cases/{id}/interventions/{interventionId}/barriers")
	String barrier(Access access, @PathVariable UUID id, @PathVariable UUID interventionId,
			@RequestParam MultiValueMap<String, String> form, HttpSession session, RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		List<FieldProblem> early = new ArrayList<>();
		InterventionRequest.BarrierRequest request = new InterventionRequest.BarrierRequest(value(form, "kind"),
				date(value(form, "occurredOn"), "occurredOn", early), value(form, "response"));
		String prefix = "barrier-" + interventionId + ".";
		return submit(
				id, form, redirect, "#i-" + interventionId, early, (f) -> prefix + f, () -> this.interventions
					.recordBarrier(new CaseId(id), interventionId, access.actor(), purpose, request),
				"intervention.barrierRecorded");
	}

	/** Rows offered for delivering partners and involved persons. */
	static final int ROWS = 3;

	private String submit(UUID id, MultiValueMap<String, String> form, RedirectAttributes redirect, String anchor,
			List<FieldProblem> early, Function<String, String> fieldOf, Runnable action, String notice) {
		String page = "redirect:/cases/" + id + "/assessment";
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			if (!early.isEmpty()) {
				throw new InvalidInput(early);
			}
			action.run();
			redirect.addFlashAttribute("notice", notice);
			return page;
		}
		catch (InvalidInput ex) {
			ex.problems().forEach((p) -> errors.putIfAbsent(fieldOf.apply(p.field()), messageKey(p.field())));
		}
		catch (NotYourDomain ex) {
			// said at the top too: the field may not be on this reader's form at all
			errors.put(fieldOf.apply(ex.field()), "form.error.notYours");
			redirect.addFlashAttribute("problem", "form.error.notYours");
			redirect.addFlashAttribute(ERRORS, errors);
			return page + anchor;
		}
		catch (CaseClosed ex) {
			redirect.addFlashAttribute("problem", "case.closed.noWrites");
			return page;
		}
		redirect.addFlashAttribute("problem", "form.invalid");
		redirect.addFlashAttribute(ERRORS, errors);
		Map<String, String> input = new LinkedHashMap<>(form.toSingleValueMap());
		input.remove("_csrf");
		redirect.addFlashAttribute(INPUT, input);
		// the addressed domains are several values of one field
		redirect.addFlashAttribute(INPUT + "Domains",
				(form.get("addressedDomains") != null) ? List.copyOf(form.get("addressedDomains")) : List.of());
		return page + anchor;
	}

	/**
	 * The message shown at the field: one per kind of field, in the reader's language.
	 */
	static String messageKey(String field) {
		String kind = field.replaceAll("\\[\\d+]", "").replaceAll("^(score|justification)\\..*$", "ratings.$1");
		kind = kind.replaceAll("^(parts|involvedPersons)\\d+", "$1");
		return "form.error." + kind;
	}

	private static LocalDate date(String text, String field, List<FieldProblem> problems) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "A date, yyyy-mm-dd"));
			return null;
		}
	}

	private static String value(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
