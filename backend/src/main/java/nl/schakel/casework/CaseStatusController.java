package nl.schakel.casework;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CloseReason;
import nl.schakel.casefile.StatusPreconditionNotMet;
import nl.schakel.casefile.StatusTransitionNotAllowed;
import nl.schakel.casefile.TriageOutcome;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContext;

import static nl.schakel.casework.SectionAnswers.HX;

/**
 * A case's status from the coordinator's side: the triage decision, moving it on, closing
 * it (only from the form that spells out what closing ends) and reopening it. Without
 * JavaScript each form posts and redirects to the case page; with htmx the answer is the
 * status section alone — the status and the moves now possible, or the message at each
 * field in error with a summary at the top (422) — without reading the dossier through
 * the gate again.
 */
@Controller
@RequestMapping("/cases")
class CaseStatusController {

	private static final String SECTION = "cases/sections/status :: status";

	private final CaseLifecycle lifecycle;

	private final CaseFileService cases;

	private final CaseSections sections;

	private final CaseSectionModels models;

	private final CasePurposes purposes;

	CaseStatusController(CaseLifecycle lifecycle, CaseFileService cases, CaseSections sections,
			CaseSectionModels models, CasePurposes purposes) {
		this.lifecycle = lifecycle;
		this.cases = cases;
		this.sections = sections;
		this.models = models;
		this.purposes = purposes;
	}

	@PostMapping("/{id}/status")
	String move(Access access, @PathVariable UUID id, @RequestParam CaseStatus status,
			@RequestParam(required = false) CloseReason reason, @RequestParam(required = false) String text,
			@RequestParam(defaultValue = "false") boolean confirmed,
			@RequestHeader(name = HX, required = false) String htmx, HttpServletRequest request, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		boolean section = "true".equals(htmx);
		StatusForm typed = new StatusForm(null, (reason != null) ? reason.name() : null, text);
		if (status == CaseStatus.CLOSED && !confirmed) {
			// closing ends every partner's part in the case: it is done only from the
			// form that spells that out; another house's case stays as good as missing
			this.cases.ofOwnSafetyHouse(access, new CaseId(id));
			invalid(section, model, response, redirect, "case.close.invalid", "closeProblems", unconfirmed(request),
					typed);
			return section ? section(access, id, model) : "redirect:/cases/" + id;
		}
		try {
			CaseFacts moved = this.lifecycle.move(access, new CaseId(id), status, reason, text);
			model.addAttribute("pageStale", !moved.open());
			notice(section, model, redirect,
					(status == CaseStatus.CLOSED) ? "case.closed.done" : "case.status.changed");
		}
		catch (InvalidInput ex) {
			invalid(section, model, response, redirect, "case.close.invalid", "closeProblems", ex.problems(), typed);
		}
		catch (StatusTransitionNotAllowed ex) {
			refused(section, model, response, redirect, "case.status.notAllowed");
		}
		catch (StatusPreconditionNotMet ex) {
			refused(section, model, response, redirect, ex.refusal().messageKey());
		}
		return section ? section(access, id, model) : "redirect:/cases/" + id;
	}

	@PostMapping("/{id}/triage")
	String triage(Access access, @PathVariable UUID id, @RequestParam(required = false) TriageOutcome outcome,
			@RequestParam(required = false) String reason, @RequestHeader(name = HX, required = false) String htmx,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		boolean section = "true".equals(htmx);
		try {
			CaseFacts decided = this.lifecycle.decideTriage(access, new CaseId(id), outcome, reason);
			model.addAttribute("pageStale", !decided.open());
			notice(section, model, redirect, "triage.decided");
		}
		catch (InvalidInput ex) {
			String typed = (outcome != null) ? outcome.name() : null;
			invalid(section, model, response, redirect, "triage.invalid", "triageProblems", ex.problems(),
					new StatusForm(typed, reason, null));
		}
		catch (StatusTransitionNotAllowed ex) {
			refused(section, model, response, redirect, "case.status.notAllowed");
		}
		return section ? section(access, id, model) : "redirect:/cases/" + id;
	}

	@PostMapping("/{id}/reopening")
	String reopen(Access access, @PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestHeader(name = HX, required = false) String htmx, HttpSession session, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		boolean section = "true".equals(htmx);
		try {
			this.lifecycle.reopen(access, new CaseId(id), reason);
			model.addAttribute("pageStale", true);
			notice(section, model, redirect, "case.reopened");
			// the purpose a closed case was read under does not steer an open one: choose
			// again
			this.purposes.of(session, id)
				.filter((p) -> p.code().equals(CaseLifecycle.ACCOUNTABILITY))
				.ifPresent((p) -> this.purposes.forget(session, id));
		}
		catch (InvalidInput ex) {
			invalid(section, model, response, redirect, "case.reopen.invalid", "reopenProblems", ex.problems(),
					new StatusForm(null, reason, null));
		}
		catch (StatusTransitionNotAllowed ex) {
			refused(section, model, response, redirect, "case.status.notAllowed");
		}
		return section ? section(access, id, model) : "redirect:/cases/" + id;
	}

	/**
	 * A notice in the section for htmx, on the case page after the redirect otherwise.
	 */
	private static void notice(boolean section, Model model, RedirectAttributes redirect, String key) {
		if (section) {
			model.addAttribute("sectionNotice", key);
		}
		else {
			redirect.addFlashAttribute("notice", key);
		}
	}

	private String section(Access access, UUID id, Model model) {
		this.models.status(model, this.sections.statusAfterChange(access, new CaseId(id)));
		return SECTION;
	}

	/**
	 * Input to correct: for htmx the section with the messages at their fields (422), on
	 * the case page after the redirect otherwise.
	 */
	private static void invalid(boolean section, Model model, HttpServletResponse response, RedirectAttributes redirect,
			String problem, String problemsName, List<FieldProblem> problems, StatusForm typed) {
		if (section) {
			response.setStatus(SectionAnswers.UNPROCESSABLE);
			model.addAttribute(problemsName, problems);
			model.addAttribute("statusForm", typed);
		}
		else {
			redirect.addFlashAttribute("problem", problem);
			redirect.addFlashAttribute(problemsName, problems);
		}
	}

	/** A move the case's state does not allow now. */
	private static void refused(boolean section, Model model, HttpServletResponse response, RedirectAttributes redirect,
			String problem) {
		if (section) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("sectionProblem", problem);
		}
		else {
			redirect.addFlashAttribute("problem", problem);
		}
	}

	private static List<FieldProblem> unconfirmed(HttpServletRequest request) {
		return List
			.of(new FieldProblem("confirmed", new RequestContext(request).getMessage("case.close.confirm.required")));
	}

	/**
	 * What was typed into the triage, closing or reopening form, shown again with its
	 * errors.
	 */
	record StatusForm(String outcome, String reason, String text) {
	}

}
