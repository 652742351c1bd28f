package nl.schakel.casework;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import nl.schakel.ids.CaseId;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.participation.BreakGlassLimitReached;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyOffers;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening a case: the purpose it is read under, the case page with its timeline and
 * contribution form, and break-the-glass access for a case the reader may not see.
 */
@Controller
@RequestMapping("/cases")
class CasePageController {

	private final CasePage page;

	private final CasePurposes purposes;

	private final MyCases myCases;

	private final CaseContributions contributions;

	private final CaseParticipants participants;

	private final Policy policy;

	private final PolicyOffers offers;

	CasePageController(CasePage page, CasePurposes purposes, MyCases myCases, CaseContributions contributions,
			CaseParticipants participants, Policy policy, PolicyOffers offers) {
		this.page = page;
		this.purposes = purposes;
		this.myCases = myCases;
		this.contributions = contributions;
		this.participants = participants;
		this.policy = policy;
		this.offers = offers;
	}

	@GetMapping("/{id}")
	String show(Access access, @PathVariable UUID id, @RequestParam(required = false) String before,
			HttpSession session, Model model) {
		Optional<Purpose> purpose = this.purposes.of(session, id);
		if (purpose.isEmpty()) {
			// one admitted purpose: nothing to ask
			purpose = this.myCases.onlyPurpose(access, new CaseId(id)).flatMap(this.policy::purpose);
			purpose.ifPresent((p) -> this.purposes.choose(session, id, p));
		}
		if (purpose.isEmpty()) {
			return this.page.purposeChoice(access, id, model);
		}
		if (!model.containsAttribute("contribution")) {
			model.addAttribute("contribution", new ContributionRequest());
		}
		return this.page.page(access, id, purpose.get(), model, CasePage.olderPage(before));
	}

	@PostMapping("/{id}/purpose")
	String choosePurpose(Access access, @PathVariable UUID id, @RequestParam(required = false) String purpose,
			HttpSession session, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		Optional<Purpose> chosen = Optional.ofNullable(purpose).flatMap(this.policy::purpose);
		if (chosen.isPresent() && !this.offers.offersPurpose(CasePage.actingRole(access), chosen.get().code())) {
			// not offered to this role: the same page again, saying so, nothing chosen
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", "purpose.notAllowed");
			return this.page.purposeChoice(access, id, model);
		}
		List<String> admitted = this.myCases.admittedPurposes(access, new CaseId(id));
		if (chosen.isPresent() && !admitted.isEmpty() && !admitted.contains(chosen.get().code())) {
			redirect.addFlashAttribute("problem", "purpose.notAdmitted");
			return "redirect:/cases/" + id + "?choose";
		}
		if (chosen.isEmpty()) {
			redirect.addFlashAttribute("problem", "purpose.required");
			return "redirect:/cases/" + id + "?choose";
		}
		this.purposes.choose(session, id, chosen.get());
		return "redirect:/cases/" + id;
	}

	@GetMapping(value = "/{id}", params = "choose")
	String changePurpose(Access access, @PathVariable UUID id, Model model) {
		return this.page.purposeChoice(access, id, model);
	}

	@PostMapping("/{id}/contributions")
	String contribute(Access access, @PathVariable UUID id,
			@Valid @ModelAttribute("contribution") ContributionRequest contribution, BindingResult errors,
			HttpSession session, Model model, RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		if (!errors.hasErrors()) {
			try {
				this.contributions.contribute(access, new CaseId(id), contribution);
				redirect.addFlashAttribute("notice", "contribution.added");
				return "redirect:/cases/" + id;
			}
			catch (InvalidInput ex) {
				for (FieldProblem problem : ex.problems()) {
					errors.rejectValue(problem.field(), "invalid", problem.message());
				}
			}
		}
		return this.page.page(access, id, purpose, model, TimelinePage.first());
	}

	@PostMapping("/{id}/break-glass")
	String breakGlass(Access access, @PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String purpose, HttpSession session, RedirectAttributes redirect,
			Model model, HttpServletResponse response) {
		try {
			this.participants.openBreakGlass(access, new CaseId(id), reason);
			Optional.ofNullable(purpose)
				.flatMap(this.policy::purpose)
				.ifPresent((p) -> this.purposes.choose(session, id, p));
			redirect.addFlashAttribute("notice", "breakGlass.opened");
			return "redirect:/cases/" + id;
		}
		catch (InvalidInput ex) {
			model.addAttribute("breakGlassProblems", ex.problems());
			return this.page.notVisible(access, id, model, response);
		}
		catch (BreakGlassNotAllowed ex) {
			return this.page.notVisible(access, id, model, response);
		}
		catch (BreakGlassLimitReached ex) {
			model.addAttribute("breakGlassLimitReached", ex.limit());
			return this.page.notVisible(access, id, model, response);
		}
	}

}
