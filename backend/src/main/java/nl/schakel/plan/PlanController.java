package nl.schakel.plan;

import nl.schakel.security.Access;
import java.time.LocalDate;
import java.util.UUID;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.ids.CaseId;
import nl.schakel.web.InvalidInput;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan of action's forms on the case page: the coordinator adds an action, a partner
 * reports on its own. Each answers with the case page and a notice or the problems.
 */
@Controller
@RequestMapping("/cases/{id}/actions")
class PlanController {

	private final PlanOfAction plan;

	PlanController(PlanOfAction plan) {
		this.plan = plan;
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

	@PostMapping("/{actionId}/status")
	String report(Access access, @PathVariable UUID id, @PathVariable UUID actionId,
			@RequestParam(required = false) ActionStatus status, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			this.plan.report(access, new CaseId(id), actionId, new StatusUpdate(status, note));
			redirect.addFlashAttribute("notice", "plan.reported");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "plan.report.invalid");
			redirect.addFlashAttribute("actionProblems", ex.problems());
		}
		catch (NotYourAction | ActionNotFound ex) {
			redirect.addFlashAttribute("problem", "plan.notYours");
		}
		return "redirect:/cases/" + id;
	}

	@ExceptionHandler(CaseClosed.class)
	String closed(RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
		redirect.addFlashAttribute("problem", "case.closed.noWrites");
		return "redirect:" + request.getRequestURI().replaceFirst("/actions.*$", "");
	}

}
