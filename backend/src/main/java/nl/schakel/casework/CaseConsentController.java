package nl.schakel.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.schakel.ids.CaseId;
import nl.schakel.consent.ConsentEvidence;
import nl.schakel.consent.ConsentScope;
import nl.schakel.consent.EvidenceKind;
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
 * The consents of a case: their section at its own address and recording one. With htmx
 * the answer is the section alone (the consent recorded, or the message at each field in
 * error with a summary at the top, 422); without JavaScript the form posts and redirects
 * to the case page. Withdrawing is {@link ConsentWithdrawalController}'s.
 */
@Controller
@RequestMapping("/cases")
class CaseConsentController {

	private final CaseSections sections;

	private final CaseSectionModels models;

	private final CaseConsents consents;

	private final CasePurposes purposes;

	CaseConsentController(CaseSections sections, CaseSectionModels models, CaseConsents consents,
			CasePurposes purposes) {
		this.sections = sections;
		this.models = models;
		this.consents = consents;
		this.purposes = purposes;
	}

	@GetMapping("/{id}/sections/consents")
	String consentsSection(Access access, @PathVariable UUID id,
			@RequestHeader(name = HX, required = false) String htmx, HttpSession session, Model model) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		this.models.consents(model, this.sections.consents(access.forPurpose(purpose.code()), new CaseId(id)));
		return SectionAnswers.view("consents", htmx, model);
	}

	@PostMapping("/{id}/consents")
	String recordConsent(Access access, @PathVariable UUID id,
			@RequestParam(required = false) List<String> organisations,
			@RequestParam(required = false) List<String> domains,
			@RequestParam(required = false) List<String> categories,
			@RequestParam(required = false) List<String> consentPurposes,
			@RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) LocalDate validUntil,
			@RequestParam(required = false) String evidence, @RequestParam(required = false) EvidenceKind evidenceKind,
			@RequestParam(required = false) LocalDate evidenceObtainedOn,
			@RequestParam(required = false) String evidenceObtainedBy, HttpSession session,
			RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		try {
			this.consents.record(access, new CaseId(id),
					new ConsentScope(organisations, domains, categories, consentPurposes, validFrom, validUntil),
					new ConsentEvidence(evidenceKind, evidence, evidenceObtainedOn, evidenceObtainedBy), null);
			redirect.addFlashAttribute("notice", "consent.recorded");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "consent.invalid");
			redirect.addFlashAttribute("consentProblems", ex.problems());
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping(path = "/{id}/consents", headers = HX + "=true")
	String recordConsentInSection(Access access, @PathVariable UUID id,
			@RequestParam(required = false) List<String> organisations,
			@RequestParam(required = false) List<String> domains,
			@RequestParam(required = false) List<String> categories,
			@RequestParam(required = false) List<String> consentPurposes,
			@RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) LocalDate validUntil,
			@RequestParam(required = false) String evidence, @RequestParam(required = false) EvidenceKind evidenceKind,
			@RequestParam(required = false) LocalDate evidenceObtainedOn,
			@RequestParam(required = false) String evidenceObtainedBy, HttpSession session, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return SectionAnswers.toCasePage(id, null, request, response);
		}
		Access reading = access.forPurpose(purpose.code());
		try {
			this.consents.record(reading, new CaseId(id),
					new ConsentScope(organisations, domains, categories, consentPurposes, validFrom, validUntil),
					new ConsentEvidence(evidenceKind, evidence, evidenceObtainedOn, evidenceObtainedBy), null);
			model.addAttribute("sectionNotice", "consent.recorded");
		}
		catch (InvalidInput ex) {
			response.setStatus(SectionAnswers.UNPROCESSABLE);
			model.addAttribute("consentProblems", ex.problems());
			model.addAttribute("consentForm", new ConsentForm(organisations, domains, categories, consentPurposes,
					validFrom, validUntil, evidence, evidenceKind, evidenceObtainedOn, evidenceObtainedBy));
		}
		this.models.consents(model, this.sections.consents(reading, new CaseId(id)));
		return "cases/sections/consents :: consents";
	}

	/** What was typed into the consent form, shown again with its errors. */
	record ConsentForm(List<String> organisations, List<String> domains, List<String> categories, List<String> purposes,
			LocalDate validFrom, LocalDate validUntil, String evidence, EvidenceKind evidenceKind,
			LocalDate evidenceObtainedOn, String evidenceObtainedBy) {
	}

}
