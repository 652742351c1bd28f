package nl.schakel.casework;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.schakel.ids.CaseId;
import nl.schakel.ids.ContributionId;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.web.InvalidInput;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static nl.schakel.casework.SectionAnswers.HX;

/**
 * Asking the author of an item the reader sees only as existing to disclose it. Without
 * JavaScript the form posts and redirects to the case page; with htmx the answer is only
 * that item's question — sent, or the reason's message at its field with a summary at the
 * top (422) — so the timeline is not read through the gate again.
 */
@Controller
@RequestMapping("/cases")
class AskingForDisclosureController {

	private static final String QUESTION = "cases/sections/information :: ask";

	private final CaseContributions contributions;

	private final CasePurposes purposes;

	AskingForDisclosureController(CaseContributions contributions, CasePurposes purposes) {
		this.contributions = contributions;
		this.purposes = purposes;
	}

	@PostMapping("/{id}/contributions/{contributionId}/requests")
	String requestDisclosure(Access access, @PathVariable UUID id, @PathVariable UUID contributionId,
			@RequestParam(required = false) String reason, HttpSession session, RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		try {
			this.contributions.requestDisclosure(access, new CaseId(id), new ContributionId(contributionId), reason);
			redirect.addFlashAttribute("notice", "request.sent");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "request.reason.required");
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping(path = "/{id}/contributions/{contributionId}/requests", headers = HX + "=true")
	String requestDisclosureInPlace(Access access, @PathVariable UUID id, @PathVariable UUID contributionId,
			@RequestParam(required = false) String reason, HttpSession session, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return SectionAnswers.toCasePage(id, null, request, response);
		}
		model.addAttribute("caseId", id);
		model.addAttribute("contributionId", contributionId);
		try {
			this.contributions.requestDisclosure(access.forPurpose(purpose.code()), new CaseId(id),
					new ContributionId(contributionId), reason);
			model.addAttribute("sectionNotice", "request.sent");
		}
		catch (InvalidInput ex) {
			response.setStatus(SectionAnswers.UNPROCESSABLE);
			model.addAttribute("askProblems", ex.problems());
			model.addAttribute("askReason", reason);
		}
		return QUESTION;
	}

}
