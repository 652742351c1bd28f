package nl.schakel.casework;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.schakel.ids.CaseId;
import nl.schakel.ids.ConsentId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.consent.ConsentView;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.web.InvalidInput;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static nl.schakel.casework.SectionAnswers.HX;

/**
 * Withdrawing a consent: first the question that says whose consent it is and that
 * disclosures on it stop at once, then the withdrawal from that question's form. With
 * htmx the answer is the consents section; without JavaScript a redirect.
 */
@Controller
@RequestMapping("/cases")
class ConsentWithdrawalController {

	private final CaseSections sections;

	private final CaseSectionModels models;

	private final CaseConsents consents;

	private final CasePurposes purposes;

	ConsentWithdrawalController(CaseSections sections, CaseSectionModels models, CaseConsents consents,
			CasePurposes purposes) {
		this.sections = sections;
		this.models = models;
		this.consents = consents;
		this.purposes = purposes;
	}

	/**
	 * The question before a consent is withdrawn. A withdrawal is carried out only from
	 * this question's form.
	 */
	@GetMapping("/{id}/consents/{consentId}/withdrawal")
	String confirmWithdrawal(Access access, @PathVariable UUID id, @PathVariable UUID consentId,
			@RequestHeader(name = HX, required = false) String htmx, HttpSession session, Model model) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		CaseSections.ConsentsSection section = this.sections.consents(access.forPurpose(purpose.code()),
				new CaseId(id));
		ConsentView consent = section.consents()
			.stream()
			.filter((c) -> c.id().equals(consentId) && c.inForce())
			.findFirst()
			.orElseThrow(CaseNotFound::new);
		model.addAttribute("withdrawal", consent);
		this.models.consents(model, section);
		return SectionAnswers.view("consents", htmx, model);
	}

	@PostMapping("/{id}/consents/{consentId}/withdrawal")
	String withdraw(Access access, @PathVariable UUID id, @PathVariable UUID consentId,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, HttpSession session, RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose != null && !confirmed) {
			// a withdrawal is carried out from the question that spells out what it stops
			return "redirect:/cases/" + id + "/consents/" + consentId + "/withdrawal";
		}
		if (purpose != null) {
			try {
				this.consents.withdraw(access, new CaseId(id), new ConsentId(consentId), on, reason);
				redirect.addFlashAttribute("notice", "consent.withdrawn");
			}
			catch (InvalidInput ex) {
				redirect.addFlashAttribute("problem", "consent.withdrawal.invalid");
				redirect.addFlashAttribute("consentProblems", ex.problems());
			}
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping(path = "/{id}/consents/{consentId}/withdrawal", headers = HX + "=true")
	String withdrawInSection(Access access, @PathVariable UUID id, @PathVariable UUID consentId,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, HttpSession session, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return SectionAnswers.toCasePage(id, null, request, response);
		}
		if (!confirmed) {
			return confirmWithdrawal(access, id, consentId, "true", session, model);
		}
		Access reading = access.forPurpose(purpose.code());
		try {
			this.consents.withdraw(reading, new CaseId(id), new ConsentId(consentId), on, reason);
			model.addAttribute("sectionNotice", "consent.withdrawn");
		}
		catch (InvalidInput ex) {
			response.setStatus(SectionAnswers.UNPROCESSABLE);
			model.addAttribute("consentProblems", ex.problems());
			model.addAttribute("withdrawalForm", new WithdrawalForm(on, reason));
		}
		CaseSections.ConsentsSection section = this.sections.consents(reading, new CaseId(id));
		if (model.containsAttribute("consentProblems")) {
			section.consents()
				.stream()
				.filter((c) -> c.id().equals(consentId))
				.findFirst()
				.ifPresent((c) -> model.addAttribute("withdrawal", c));
		}
		this.models.consents(model, section);
		return "cases/sections/consents :: consents";
	}

	/** What was typed into a withdrawal, shown again with its errors. */
	record WithdrawalForm(LocalDate on, String reason) {
	}

}
