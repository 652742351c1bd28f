package nl.schakel.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.consent.ConsentRegistry;
import nl.schakel.consent.ConsentView;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.contribution.DisclosureRequestView;
import nl.schakel.contribution.GrantChangesNothing;
import nl.schakel.contribution.GrantDecision;
import nl.schakel.contribution.NotAParticipant;
import nl.schakel.contribution.RequestAlreadyDecided;
import nl.schakel.ids.CaseId;
import nl.schakel.policy.LegalBasis;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox of disclosure requests: what I asked for, and what was asked of me. */
@Controller
@RequestMapping("/requests")
class RequestController {

	private final CaseContributions caseContributions;

	private final ConsentRegistry consents;

	RequestController(CaseContributions caseContributions, ConsentRegistry consents) {
		this.caseContributions = caseContributions;
		this.consents = consents;
	}

	@GetMapping
	String inbox(Access access, Model model) {
		var inbox = this.caseContributions.inbox(access);
		model.addAttribute("inbox", inbox);
		choices(access, inbox.received(), model);
		return "requests";
	}

	/**
	 * The grant or refusal of one request posted with htmx: the answer is that request
	 * alone, decided, or with the message at each field in error (422).
	 */
	@PostMapping(path = "/{id}/grant", headers = "HX-Request=true")
	String grantInPlace(Access access, @PathVariable UUID id, @RequestParam(required = false) LegalBasis basis,
			@RequestParam(defaultValue = "false") boolean toOrganisation,
			@RequestParam(required = false) UUID consentId, @RequestParam(required = false) String statutoryReference,
			ContributionRequest.ConflictOfDuties conflictOfDuties,
			@RequestParam(defaultValue = "false") boolean secrecyBreachConfirmed, Model model,
			HttpServletResponse response) {
		try {
			this.caseContributions.grantDisclosure(access, id, new GrantDecision(basis, toOrganisation, consentId,
					statutoryReference, conflictOfDuties, secrecyBreachConfirmed));
			model.addAttribute("sectionNotice", "request.granted");
		}
		catch (GrantChangesNothing ex) {
			unprocessable(id, List.of(new FieldProblem("basis", ex.reason())), model, response);
		}
		catch (InvalidInput ex) {
			unprocessable(id, ex.problems(), model, response);
		}
		return request(access, id, model);
	}

	@PostMapping(path = "/{id}/refusal", headers = "HX-Request=true")
	String refuseInPlace(Access access, @PathVariable UUID id, @RequestParam(required = false) String reason,
			Model model, HttpServletResponse response) {
		try {
			this.caseContributions.refuseDisclosure(access, id, reason);
			model.addAttribute("sectionNotice", "request.refused");
		}
		catch (InvalidInput ex) {
			unprocessable(id, ex.problems(), model, response);
		}
		return request(access, id, model);
	}

	private static void unprocessable(UUID id, List<FieldProblem> problems, Model model, HttpServletResponse response) {
		response.setStatus(422);
		model.addAttribute("requestProblems", problems);
		model.addAttribute("problemRequest", id);
	}

	/** One request asked of the reader, as the inbox shows it. */
	private String request(Access access, UUID id, Model model) {
		DisclosureRequestView request = this.caseContributions.inbox(access)
			.received()
			.stream()
			.filter((r) -> r.id().equals(id))
			.findFirst()
			.orElseThrow(CaseNotFound::new);
		model.addAttribute("r", request);
		choices(access, List.of(request), model);
		return "request :: request";
	}

	private void choices(Access access, List<DisclosureRequestView> received, Model model) {
		// a grant on consent names one of the holder's own consents in force on that
		// case: chosen
		// from a list, never typed (the holder's own consents: no disclosure)
		String holder = access.actor().organisation();
		Map<UUID, List<ConsentView>> choices = new HashMap<>();
		received.stream()
			.map(DisclosureRequestView::caseId)
			.distinct()
			.forEach((caseId) -> choices.put(caseId,
					this.consents.onCase(new CaseId(caseId))
						.stream()
						.filter((c) -> c.inForce() && holder.equals(c.holder()))
						.toList()));
		model.addAttribute("consentChoices", choices);
		model.addAttribute("legalBases", LegalBasis.values());
	}

	@PostMapping("/{id}/grant")
	String grant(Access access, @PathVariable UUID id, @RequestParam(required = false) LegalBasis basis,
			@RequestParam(defaultValue = "false") boolean toOrganisation,
			@RequestParam(required = false) UUID consentId, @RequestParam(required = false) String statutoryReference,
			ContributionRequest.ConflictOfDuties conflictOfDuties,
			@RequestParam(defaultValue = "false") boolean secrecyBreachConfirmed, RedirectAttributes redirect) {
		try {
			this.caseContributions.grantDisclosure(access, id, new GrantDecision(basis, toOrganisation, consentId,
					statutoryReference, conflictOfDuties, secrecyBreachConfirmed));
			redirect.addFlashAttribute("notice", "request.granted");
		}
		catch (GrantChangesNothing ex) {
			redirect.addFlashAttribute("problem", "request.changesNothing");
			redirect.addFlashAttribute("requestProblems", List.of(new FieldProblem("basis", ex.reason())));
			redirect.addFlashAttribute("problemRequest", id);
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "request.invalid");
			redirect.addFlashAttribute("requestProblems", ex.problems());
			redirect.addFlashAttribute("problemRequest", id);
		}
		return "redirect:/requests";
	}

	@PostMapping("/{id}/refusal")
	String refuse(Access access, @PathVariable UUID id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			this.caseContributions.refuseDisclosure(access, id, reason);
			redirect.addFlashAttribute("notice", "request.refused");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "request.refusal.required");
		}
		return "redirect:/requests";
	}

	@ExceptionHandler(CaseClosed.class)
	String closed(RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "case.closed.noWrites");
		return "redirect:/requests";
	}

	@ExceptionHandler(RequestAlreadyDecided.class)
	String decided() {
		return "redirect:/requests";
	}

	@ExceptionHandler({ NotAParticipant.class, CaseNotFound.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
