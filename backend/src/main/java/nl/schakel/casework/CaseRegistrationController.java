package nl.schakel.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;
import nl.schakel.casefile.RegisterCaseRequest;
import nl.schakel.organisation.Organisation;
import nl.schakel.person.BsnKnownUnderOtherDetails;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's list of cases and the referral that opens a new one.
 */
@Controller
@RequestMapping("/cases")
class CaseRegistrationController {

	private final CaseIntake intake;

	private final CaseFileService cases;

	CaseRegistrationController(CaseIntake intake, CaseFileService cases) {
		this.intake = intake;
		this.cases = cases;
	}

	@ModelAttribute("caseTypes")
	CaseType[] caseTypes() {
		return CaseType.values();
	}

	@GetMapping
	String list(Access access, @RequestParam(required = false) Long before, CaseListFilter filter, BindingResult errors,
			Model model) {
		if (errors.hasErrors()) {
			// a part that is no status, type or date is left out of the filter, and the
			// page says so
			model.addAttribute("problem", "cases.filter.invalid");
		}
		model.addAttribute("page", this.cases.page(access, before, 50, filter.toFilter()));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", CaseStatus.values());
		return "cases/list";
	}

	@GetMapping("/new")
	String referralForm(Model model) {
		RegisterCaseRequest referral = new RegisterCaseRequest();
		referral.setReferral(new RegisterCaseRequest.ReferralForm());
		model.addAttribute("referral", referral);
		organisations(model);
		return "cases/new";
	}

	@PostMapping
	String register(Access access, @Valid @ModelAttribute("referral") RegisterCaseRequest referral,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		organisations(model);
		if (referral.getReferral() == null) {
			// the form always asks who referred; only the API may leave it out
			referral.setReferral(new RegisterCaseRequest.ReferralForm());
			errors.rejectValue("referral.referringOrganisation", "required", "Kies de aanmeldende organisatie.");
		}
		if (errors.hasErrors()) {
			return "cases/new";
		}
		CaseFacts facts;
		try {
			facts = this.intake.registerReferral(access, referral);
		}
		catch (InvalidInput ex) {
			for (FieldProblem problem : ex.problems()) {
				errors.rejectValue(problem.field(), "invalid", problem.message());
			}
			return "cases/new";
		}
		catch (BsnKnownUnderOtherDetails ex) {
			// only which details differ; the question to confirm appears with it
			String differs = (ex.differences().size() > 1) ? "both"
					: (ex.differences().get(0) == BsnKnownUnderOtherDetails.Difference.NAME) ? "name" : "dateOfBirth";
			errors.rejectValue("person.bsn", "person.bsn.knownUnderOtherDetails." + differs);
			model.addAttribute("samePersonQuestion", true);
			return "cases/new";
		}
		redirect.addFlashAttribute("notice", "case.registered");
		return "redirect:/cases/" + facts.id().value();
	}

	/** The organisations that can refer, and their names for the choice. */
	private void organisations(Model model) {
		List<Organisation> organisations = this.intake.organisations();
		Map<String, String> names = new LinkedHashMap<>();
		organisations.forEach((o) -> names.put(o.code(), o.name()));
		model.addAttribute("organisations", organisations);
		model.addAttribute("organisationNames", names);
	}

}
