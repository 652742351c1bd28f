package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.schakel.casefile.CaseClosed;
import nl.schakel.ids.CaseId;
import nl.schakel.casework.CasePurposes;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static nl.schakel.assessment.RatingsForm.date;
import static nl.schakel.assessment.RatingsForm.value;

/**
 * The forms of the assessment page: a partner rates the items of its own domains, the
 * coordinator adds the integrated judgement, an organisation records a licensed
 * instrument administered elsewhere; the coordinator chooses an intervention, partners
 * record barriers and the outcome. Each goes through the same service as the API. A save
 * redirects to the page with a notice; a failed save answers 422 with the page again: the
 * message at each field of the form that failed, a summary at the top of that form (the
 * page moves focus there, so the answer is where the eye is on a long page) and what was
 * typed kept.
 */
@Controller
class AssessmentForms {

	private final AssessmentService assessments;

	private final InterventionService interventions;

	private final AssessmentInstrument instrument;

	private final CasePurposes purposes;

	private final AssessmentPage page;

	private final MessageSource messages;

	AssessmentForms(AssessmentService assessments, InterventionService interventions, AssessmentInstrument instrument,
			CasePurposes purposes, AssessmentPage page, MessageSource messages) {
		this.assessments = assessments;
		this.interventions = interventions;
		this.instrument = instrument;
		this.purposes = purposes;
		this.page = page;
		this.messages = messages;
	}

	@PostMapping("/cases/{id}/assessment")
	String assess(Access access, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			HttpSession session, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		List<FieldProblem> early = new ArrayList<>();
		// the service names ratings by their place in the list; the page names them by
		// item
		RatingsForm rated = RatingsForm.read(this.instrument.domains(), form, early);
		List<String> ratingKeys = rated.keys();
		List<AssessmentRequest.Rating> ratings = rated.ratings();
		LegalBasis basis = rated.basis();

		AssessmentRequest.LicensedInstrument licensed = null;
		String name = value(form, "licensedInstrument.name");
		String by = value(form, "licensedInstrument.administeredBy");
		String on = value(form, "licensedInstrument.administeredOn");
		String level = value(form, "licensedInstrument.overallLevel");
		if (name != null || by != null || on != null || level != null) {
			licensed = new AssessmentRequest.LicensedInstrument(name, by,
					date(on, "licensedInstrument.administeredOn", early), level);
		}
		String section = switch (String.valueOf(value(form, "form"))) {
			case "judge" -> "judge";
			case "licensed" -> "licensed";
			default -> "assess";
		};
		AssessmentRequest request = new AssessmentRequest(value(form, "moment"), ratings, value(form, "note"), basis,
				null, value(form, "statutoryReference"), value(form, "integratedJudgement"),
				value(form, "concernLevel"), value(form, "concernJustification"), licensed);
		Failed failed = new Failed(access, id, purpose, section, form, model, response);
		return submit(redirect, failed, early, (f) -> {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("ratings\\[(\\d+)]\\.(\\w+)").matcher(f);
			if (m.matches() && Integer.parseInt(m.group(1)) < ratingKeys.size()) {
				String part = "justification".equals(m.group(2)) ? "justification" : "score";
				return part + "-" + ratingKeys.get(Integer.parseInt(m.group(1))).replace('.', '-');
			}
			if (f.startsWith("score.") || f.startsWith("justification.")) {
				return f.replace('.', '-');
			}
			return controlOf(section, f);
		}, () -> this.assessments.record(new CaseId(id), access.actor(), purpose, request), "assessment.recorded");
	}

	@PostMapping("/cases/{id}/interventions")
	String choose(Access access, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			HttpSession session, RedirectAttributes redirect, Model model, HttpServletResponse response) {
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
		Failed failed = new Failed(access, id, purpose, "choose", form, model, response);
		return submit(redirect, failed, early, (f) -> {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("(parts|involvedPersons)\\[(\\d+)]\\.(\\w+)")
				.matcher(f);
			if (m.matches()) {
				List<Integer> rows = "parts".equals(m.group(1)) ? partRows : personRows;
				int at = Integer.parseInt(m.group(2));
				return controlOf("choose", m.group(1) + "." + m.group(3)) + "-"
						+ ((at < rows.size()) ? rows.get(at) : 0);
			}
			if (f.startsWith("addressedDomains")) {
				return "choose-domains";
			}
			if ("parts".equals(f)) {
				return "part-org-0";
			}
			return controlOf("choose", f);
		}, () -> {
			this.interventions.choose(new CaseId(id), access.actor(), purpose, request);
		}, "intervention.chosen");
	}

	@PostMapping("/cases/{id}/interventions/{interventionId}/outcome")
	String outcome(Access access, @PathVariable UUID id, @PathVariable UUID interventionId,
			@RequestParam MultiValueMap<String, String> form, HttpSession session, RedirectAttributes redirect,
			Model model, HttpServletResponse response) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		List<FieldProblem> early = new ArrayList<>();
		InterventionRequest.OutcomeRequest request = new InterventionRequest.OutcomeRequest(value(form, "outcome"),
				date(value(form, "endedOn"), "endedOn", early), value(form, "reason"), value(form, "note"));
		String prefix = "outcome-" + interventionId;
		Failed failed = new Failed(access, id, purpose, prefix, form, model, response);
		return submit(redirect, failed, early, (f) -> prefix + "-" + f, () -> this.interventions
			.recordOutcome(new CaseId(id), interventionId, access.actor(), purpose, request),
				"intervention.outcomeRecorded");
	}

	@PostMapping("/cases/{id}/interventions/{interventionId}/barriers")
	String barrier(Access access, @PathVariable UUID id, @PathVariable UUID interventionId,
			@RequestParam MultiValueMap<String, String> form, HttpSession session, RedirectAttributes redirect,
			Model model, HttpServletResponse response) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		List<FieldProblem> early = new ArrayList<>();
		InterventionRequest.BarrierRequest request = new InterventionRequest.BarrierRequest(value(form, "kind"),
				date(value(form, "occurredOn"), "occurredOn", early), value(form, "response"));
		String prefix = "barrier-" + interventionId;
		Failed failed = new Failed(access, id, purpose, prefix, form, model, response);
		return submit(redirect, failed, early, (f) -> prefix + "-" + f, () -> this.interventions
			.recordBarrier(new CaseId(id), interventionId, access.actor(), purpose, request),
				"intervention.barrierRecorded");
	}

	/** Rows offered for delivering partners and involved persons. */
	static final int ROWS = 3;

	/**
	 * A form of the page and the request it came with: what the page needs to show it
	 * again when its save fails.
	 */
	private record Failed(Access access, UUID caseId, Purpose purpose, String form, MultiValueMap<String, String> input,
			Model model, HttpServletResponse response) {
	}

	private String submit(RedirectAttributes redirect, Failed failed, List<FieldProblem> early,
			Function<String, String> controlOf, Runnable action, String notice) {
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			if (!early.isEmpty()) {
				throw new InvalidInput(early);
			}
			action.run();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/cases/" + failed.caseId() + "/assessment";
		}
		catch (InvalidInput ex) {
			ex.problems()
				.forEach((p) -> errors.putIfAbsent(controlOf.apply(p.field()),
						p.message().startsWith(AssessmentService.PERIOD_ENDED) ? "form.error.ratings.periodEnded"
								: messageKey(p.field())));
		}
		catch (NotYourDomain ex) {
			// said at the top too: the field may not be on this reader's form at all
			errors.put(controlOf.apply(ex.field()), "form.error.notYours");
			failed.model().addAttribute("problem", "form.error.notYours");
		}
		catch (CaseClosed ex) {
			redirect.addFlashAttribute("problem", "case.closed.noWrites");
			return "redirect:/cases/" + failed.caseId() + "/assessment";
		}
		// the page again, nothing written: the messages at the fields of the form that
		// failed, what was typed in it kept
		java.util.Locale locale = LocaleContextHolder.getLocale();
		List<FieldProblem> problems = new ArrayList<>();
		errors.forEach((control, key) -> problems
			.add(new FieldProblem(control, this.messages.getMessage(key, null, key, locale))));
		Map<String, String> input = new LinkedHashMap<>(failed.input().toSingleValueMap());
		input.remove("_csrf");
		Model model = failed.model();
		model.addAttribute(AssessmentPage.FAILED, failed.form());
		model.addAttribute(AssessmentPage.PROBLEMS, problems);
		model.addAttribute(AssessmentPage.INPUT, input);
		// the addressed domains are several values of one field
		List<String> domains = failed.input().get("addressedDomains");
		model.addAttribute(AssessmentPage.INPUT + "Domains", (domains != null) ? List.copyOf(domains) : List.of());
		failed.response().setStatus(UNPROCESSABLE);
		return this.page.show(failed.access(), failed.caseId(), failed.purpose(), model);
	}

	private static final int UNPROCESSABLE = 422;

	/**
	 * The id of the control on the page that holds a field of a form; a field the form
	 * does not show (a forged post) goes to the form itself, so its message still shows
	 * in the form's summary.
	 */
	static String controlOf(String form, String field) {
		String control = switch (form + ":" + field) {
			case "assess:moment" -> "assess-moment";
			case "assess:legalBasis" -> "assess-basis";
			case "assess:statutoryReference" -> "assess-statutory";
			case "assess:ratings" -> "assess-ratings";
			case "judge:moment" -> "judge-moment";
			case "judge:integratedJudgement", "judge:ratings" -> "judge-text";
			case "judge:concernLevel" -> "judge-level";
			case "judge:concernJustification" -> "judge-why";
			case "licensed:licensedInstrument.name", "licensed:ratings" -> "licensed-name";
			case "licensed:licensedInstrument.administeredBy" -> "licensed-administeredBy";
			case "licensed:licensedInstrument.administeredOn" -> "licensed-administeredOn";
			case "licensed:licensedInstrument.overallLevel" -> "licensed-overallLevel";
			case "choose:intervention" -> "choose-intervention";
			case "choose:startedOn" -> "choose-start";
			case "choose:expectedWeeks" -> "choose-weeks";
			case "choose:note" -> "choose-note";
			case "choose:parts.organisation" -> "part-org";
			case "choose:parts.description" -> "part-desc";
			case "choose:involvedPersons.name" -> "person-name";
			case "choose:involvedPersons.role" -> "person-role";
			default -> null;
		};
		return (control != null) ? control : form + "-form";
	}

	/**
	 * The message shown at the field: one per kind of field, in the reader's language.
	 */
	static String messageKey(String field) {
		String kind = field.replaceAll("\\[\\d+]", "").replaceAll("^(score|justification)\\..*$", "ratings.$1");
		kind = kind.replaceAll("^(parts|involvedPersons)\\d+", "$1");
		return "form.error." + kind;
	}

}
