package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.ids.CaseId;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeDefinition;
import nl.schakel.security.Access;
import nl.schakel.web.ChosenPurposes;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static nl.schakel.assessment.RatingsForm.date;
import static nl.schakel.assessment.RatingsForm.value;

/**
 * The follow-up page of a case closed after its plan: the partner whose admission the
 * closure ended records the follow-up assessment of its own domains and the outcome of
 * its interventions for a moment due, without the case page (which the closure closed to
 * them) and without reading case content. Anyone else gets the same 404 as for a case
 * that does not exist; on an open case the page leads to the case's own pages. The
 * purpose is one of the admission the closure ended, chosen once and kept per case in the
 * session like a case page's, so the change history records it.
 */
@Controller
class FollowUpPages {

	static final String PAGE = "assessment/follow-up";

	private final ClosedCaseFollowUp followUp;

	private final AssessmentInstrument instrument;

	private final CatalogueInForce catalogue;

	private final Policy policy;

	private final MessageSource messages;

	FollowUpPages(ClosedCaseFollowUp followUp, AssessmentInstrument instrument, CatalogueInForce catalogue,
			Policy policy, MessageSource messages) {
		this.followUp = followUp;
		this.instrument = instrument;
		this.catalogue = catalogue;
		this.policy = policy;
		this.messages = messages;
	}

	@GetMapping("/cases/{id}/follow-ups/{momentId}")
	String page(Access access, @PathVariable UUID id, @PathVariable UUID momentId, HttpSession session, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ClosedCaseFollowUp.Answer answer = this.followUp.open(new CaseId(id), momentId, access.actor());
		if (answer instanceof ClosedCaseFollowUp.OnTheCasePage) {
			return "redirect:/cases/" + id + "/assessment";
		}
		if (answer instanceof ClosedCaseFollowUp.AlreadyRecorded) {
			redirect.addFlashAttribute("problem", "followUp.noLongerDue");
			return "redirect:/follow-ups";
		}
		if (!(answer instanceof ClosedCaseFollowUp.FollowUpPage found)) {
			return notFound(response);
		}
		Optional<String> chosen = chosen(session, found.page());
		if (chosen.isEmpty() && found.page().purposes().size() == 1) {
			// one purpose the closure ended the admission for: nothing to ask
			chosen = Optional.of(found.page().purposes().get(0));
			ChosenPurposes.choose(session, id, chosen.get());
		}
		return show(found.page(), chosen.orElse(null), List.of(), Map.of(), model);
	}

	@PostMapping("/cases/{id}/follow-ups/{momentId}/purpose")
	String choosePurpose(Access access, @PathVariable UUID id, @PathVariable UUID momentId,
			@RequestParam(required = false) String purpose, HttpSession session, Model model,
			HttpServletResponse response) {
		if (!(this.followUp.open(new CaseId(id), momentId,
				access.actor()) instanceof ClosedCaseFollowUp.FollowUpPage found)) {
			return notFound(response);
		}
		if (purpose == null || !found.page().purposes().contains(purpose)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(found.page(), null, List.of(new FieldProblem("purpose", message("purpose.notAdmitted"))),
					Map.of(), model);
		}
		ChosenPurposes.choose(session, id, purpose);
		return "redirect:/cases/" + id + "/follow-ups/" + momentId;
	}

	@PostMapping("/cases/{id}/follow-ups/{momentId}")
	String record(Access access, @PathVariable UUID id, @PathVariable UUID momentId,
			@RequestParam MultiValueMap<String, String> form, HttpSession session, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ClosedCaseFollowUp.Answer answer = this.followUp.open(new CaseId(id), momentId, access.actor());
		if (answer instanceof ClosedCaseFollowUp.AlreadyRecorded) {
			// a second submit, or a colleague recorded it first
			redirect.addFlashAttribute("problem", "followUp.noLongerDue");
			return "redirect:/follow-ups";
		}
		if (!(answer instanceof ClosedCaseFollowUp.FollowUpPage found)) {
			return notFound(response);
		}
		ClosedCaseFollowUp.Page page = found.page();
		Optional<Purpose> purpose = chosen(session, page).flatMap(this.policy::purpose);
		if (purpose.isEmpty()) {
			// the purpose is chosen on the page first
			return "redirect:/cases/" + id + "/follow-ups/" + momentId;
		}
		Map<String, String> input = new LinkedHashMap<>(form.toSingleValueMap());
		input.remove("_csrf");
		List<FieldProblem> early = new ArrayList<>();
		// the service names ratings by their place in the list; the page by domain and
		// item
		RatingsForm rated = RatingsForm.read(page.ratable(), form, early);
		List<String> ratingKeys = rated.keys();
		List<AssessmentRequest.Rating> ratings = rated.ratings();
		LegalBasis basis = rated.basis();

		AssessmentRequest assessment = ratings.isEmpty() ? null : new AssessmentRequest(value(form, "moment"), ratings,
				null, basis, null, value(form, "statutoryReference"), null, null, null, null);
		Map<UUID, InterventionRequest.OutcomeRequest> outcomes = new LinkedHashMap<>();
		for (ClosedCaseFollowUp.OwnIntervention own : page.open()) {
			String prefix = "outcome-" + own.id() + ".";
			String result = value(form, prefix + "outcome");
			String endedOn = value(form, prefix + "endedOn");
			String reason = value(form, prefix + "reason");
			String note = value(form, prefix + "note");
			if (result != null || endedOn != null || reason != null || note != null) {
				outcomes.put(own.id(), new InterventionRequest.OutcomeRequest(result,
						date(endedOn, prefix + "endedOn", early), reason, note));
			}
		}
		List<FieldProblem> problems = new ArrayList<>();
		try {
			if (!early.isEmpty()) {
				throw new InvalidInput(early);
			}
			this.followUp.record(new CaseId(id), momentId, access.actor(), purpose.get(), assessment, outcomes);
			redirect.addFlashAttribute("notice", "followUp.recorded");
			return "redirect:/follow-ups";
		}
		catch (InvalidInput ex) {
			ex.problems().forEach((p) -> problems.add(atField(p, ratingKeys)));
		}
		catch (NotYourDomain ex) {
			problems.add(new FieldProblem(fieldOf(ex.field(), ratingKeys), message("form.error.notYours")));
		}
		catch (CaseClosed ex) {
			// no moment of the case is due any more (recorded meanwhile): nothing to do
			redirect.addFlashAttribute("problem", "followUp.noLongerDue");
			return "redirect:/follow-ups";
		}
		catch (CaseNotFound | AccessDeniedException ex) {
			return notFound(response);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return show(page, purpose.get().code(), problems, input, model);
	}

	private String show(ClosedCaseFollowUp.Page page, String purpose, List<FieldProblem> problems,
			Map<String, String> input, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("instrument", this.instrument);
		model.addAttribute("catalogue", this.catalogue.current());
		model.addAttribute("purpose", (purpose != null) ? definition(purpose) : null);
		model.addAttribute("purposes", page.purposes().stream().map(this::definition).toList());
		model.addAttribute("problems", problems);
		model.addAttribute("formInput", input);
		model.addAttribute("moments", Map.of("FOLLOW_UP", message("assessment.moment.FOLLOW_UP")));
		Map<String, String> bases = new LinkedHashMap<>();
		for (String basis : List.of("PUBLIC_TASK", "STATUTORY")) {
			bases.put(basis, message("basis." + basis));
		}
		model.addAttribute("bases", bases);
		return PAGE;
	}

	private PurposeDefinition definition(String code) {
		return this.policy.purposes()
			.stream()
			.filter((d) -> d.purpose().code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("A purpose of an admission is not in the policy: " + code));
	}

	/** The purpose chosen for the case in this session, when the closure ended it. */
	private static Optional<String> chosen(HttpSession session, ClosedCaseFollowUp.Page page) {
		return ChosenPurposes.of(session, page.caseId()).filter(page.purposes()::contains);
	}

	private static String notFound(HttpServletResponse response) {
		// the same answer as for a case that does not exist
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "error/404";
	}

	/**
	 * A problem the service named by its own field names, at the page's field, in the
	 * reader's language.
	 */
	private FieldProblem atField(FieldProblem problem, List<String> ratingKeys) {
		String field = problem.field();
		String at = fieldOf(field, ratingKeys);
		if (problem.message().startsWith(AssessmentService.PERIOD_ENDED)) {
			return new FieldProblem(at, message("form.error.ratings.periodEnded"));
		}
		if ("ratings".equals(at)) {
			return new FieldProblem(at, message("followUp.error.nothing"));
		}
		String kind = at.replaceAll("^outcome-[0-9a-f-]+\\.", "")
			.replaceAll("^(score|justification)\\..*$", "ratings.$1");
		return new FieldProblem(at, message("form.error." + kind));
	}

	private static String fieldOf(String field, List<String> ratingKeys) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("ratings\\[(\\d+)]\\.(\\w+)").matcher(field);
		if (m.matches() && Integer.parseInt(m.group(1)) < ratingKeys.size()) {
			String part = "justification".equals(m.group(2)) ? "justification" : "score";
			return part + "." + ratingKeys.get(Integer.parseInt(m.group(1)));
		}
		return field.replaceAll("\\[\\d+]", "");
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
