package nl.schakel.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.casefile.CaseClosed;
import nl.schakel.ids.CaseId;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.security.Access;
import nl.schakel.web.InvalidInput;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The plan of action's forms on the case page: the coordinator adds an action, a partner
 * reports on its own. Without JavaScript each answers with the case page and a notice or
 * the problems. With htmx the answer is only what changed — the emptied form with the new
 * action as the coordinator wrote it, or the reported action's row — or the form with the
 * message at each field and a summary at its top (422), what was typed kept. Descriptions
 * and notes are case content read through the gate: no answer reads them again, the
 * browser keeps those it was shown.
 */
@Controller
@RequestMapping("/cases/{id}/actions")
class PlanController {

	private static final String HX = "HX-Request";

	/** Input the form can correct: htmx is configured to swap this answer in. */
	private static final int UNPROCESSABLE = 422;

	private final PlanOfAction plan;

	private final OrganisationDirectory organisations;

	PlanController(PlanOfAction plan, OrganisationDirectory organisations) {
		this.plan = plan;
		this.organisations = organisations;
	}

	@PostMapping
	String assign(Access access, @PathVariable UUID id, @RequestParam(required = false) String description,
			@RequestParam(required = false) String organisation,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
			RedirectAttributes redirect) {
		try {
			this.plan.assign(access, new CaseId(id), new NewAction(description, organisation, due, null));
			redirect.addFlashAttribute("notice", "plan.assigned");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "plan.invalid");
			redirect.addFlashAttribute("actionProblems", ex.problems());
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping(headers = HX + "=true")
	String assignInPlace(Access access, @PathVariable UUID id, @RequestParam(required = false) String description,
			@RequestParam(required = false) String organisation,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due, Model model,
			HttpServletResponse response) {
		CaseId caseId = new CaseId(id);
		try {
			ActionSummary assigned = this.plan.assign(access, caseId,
					new NewAction(description, organisation, due, null));
			ActionView written = writtenAs(assigned, (description != null) ? description.strip() : null);
			model.addAttribute("assignNotice", "plan.assigned");
			model.addAttribute("assigned", written);
			boolean first = this.plan.summaries(List.of(id)).size() == 1;
			model.addAttribute("firstAction", first);
			model.addAttribute("plan", List.of(written));
		}
		catch (InvalidInput ex) {
			response.setStatus(UNPROCESSABLE);
			model.addAttribute("actionProblems", ex.problems());
			model.addAttribute("actionForm", new NewAction(description, organisation, due, null));
		}
		// only the coordinator steering the open case gets this far: assign checked it
		// before it looked at the input
		sectionModel(model, caseId);
		model.addAttribute("planOrganisations", this.plan.admittedOrganisations(caseId));
		return model.containsAttribute("assigned") ? "plan/section :: assigned" : "plan/section :: assign";
	}

	@PostMapping("/{actionId}/status")
	String report(Access access, @PathVariable UUID id, @PathVariable UUID actionId,
			@RequestParam(required = false) ActionStatus status, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			this.plan.report(access, new CaseId(id), actionId, new StatusUpdate(status, note));
			redirect.addFlashAttribute("notice", "plan.reported");
		}
		catch (InvalidInput ex) {
			// the messages go to that action's row, open, with what was typed
			redirect.addFlashAttribute("problem", "plan.report.invalid");
			redirect.addFlashAttribute("reported", actionId);
			redirect.addFlashAttribute("reportProblems", ex.problems());
			redirect.addFlashAttribute("reportForm", new StatusUpdate(status, note));
		}
		catch (NotYourAction | ActionNotFound ex) {
			redirect.addFlashAttribute("problem", "plan.notYours");
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping(path = "/{actionId}/status", headers = HX + "=true")
	String reportInPlace(Access access, @PathVariable UUID id, @PathVariable UUID actionId,
			@RequestParam(required = false) ActionStatus status, @RequestParam(required = false) String note,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		CaseId caseId = new CaseId(id);
		ActionSummary action;
		try {
			action = this.plan.report(access, caseId, actionId, new StatusUpdate(status, note));
			model.addAttribute("reportNotice", "plan.reported");
			model.addAttribute("reportedNote", (note == null || note.isBlank()) ? null : note.strip());
		}
		catch (InvalidInput ex) {
			// the report checked that this reader may report on the action before it
			// looked at the input
			action = this.plan.summary(caseId, actionId).orElseThrow(ActionNotFound::new);
			response.setStatus(UNPROCESSABLE);
			model.addAttribute("reportProblems", ex.problems());
			model.addAttribute("reportForm", new StatusUpdate(status, note));
		}
		catch (NotYourAction | ActionNotFound ex) {
			return toCasePage(id, "plan.notYours", request, response);
		}
		sectionModel(model, caseId);
		model.addAttribute("a", writtenAs(action, null));
		model.addAttribute("reported", actionId);
		model.addAttribute("mayReport", true);
		model.addAttribute("keptDescription", true);
		return "plan/section :: row";
	}

	@ExceptionHandler(CaseClosed.class)
	String closed(RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		String casePage = request.getRequestURI()
			.substring(request.getContextPath().length())
			.replaceFirst("/actions.*$", "");
		if (request.getHeader(HX) != null) {
			// from htmx the browser goes to the case page, which says so, instead of
			// showing a page inside the plan
			return toCasePage(casePage, "case.closed.noWrites", request, response);
		}
		redirect.addFlashAttribute("problem", "case.closed.noWrites");
		return "redirect:" + casePage;
	}

	/** An action as the answer shows it: its metadata and what its author just wrote. */
	private static ActionView writtenAs(ActionSummary action, String description) {
		return new ActionView(action.id(), action.caseId(), description, null, action.organisation(), action.due(),
				action.status(), action.overdue(), null, null, null, List.of());
	}

	/**
	 * What the plan's parts need around an answer: the write has just checked that the
	 * case is open and that this reader may make it.
	 */
	private void sectionModel(Model model, CaseId caseId) {
		model.addAttribute("caseId", caseId.value());
		model.addAttribute("planOpen", true);
		model.addAttribute("planSteering", true);
		Map<String, String> names = new LinkedHashMap<>();
		this.organisations.all().forEach((Organisation o) -> names.put(o.code(), o.name()));
		model.addAttribute("organisationNames", names);
	}

	private static String toCasePage(UUID id, String problem, HttpServletRequest request,
			HttpServletResponse response) {
		return toCasePage("/cases/" + id, problem, request, response);
	}

	/**
	 * To the whole case page with a message: htmx follows {@code HX-Redirect}, so the
	 * page and not a part of it shows what happened.
	 */
	private static String toCasePage(String location, String problem, HttpServletRequest request,
			HttpServletResponse response) {
		RequestContextUtils.getOutputFlashMap(request).put("problem", problem);
		RequestContextUtils.saveOutputFlashMap(location, request, response);
		response.setHeader("HX-Redirect", request.getContextPath() + location);
		response.setStatus(HttpStatus.NO_CONTENT.value());
		return "fragments/layout :: nothing";
	}

}
