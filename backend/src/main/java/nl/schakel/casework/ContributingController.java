package nl.schakel.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.ids.CaseId;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.PolicyOffers;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import static nl.schakel.casework.SectionAnswers.HX;

/**
 * The contribution form on the case page under htmx: the answer is the form's section
 * alone — emptied, with a notice and the entry as its author just wrote it, or with the
 * message at each field in error and a summary at the top (422), what was typed kept.
 * What the author typed is not read back from the store, so the answer passes nothing
 * through the gate and writes no disclosure beyond the contribution itself. Without
 * JavaScript the same form posts to {@link CasePageController} and redirects.
 */
@Controller
@RequestMapping("/cases")
class ContributingController {

	private static final String SECTION = "cases/sections/contribute :: contribute";

	private final CaseContributions contributions;

	private final CaseSections sections;

	private final CasePurposes purposes;

	private final CaseIntake intake;

	private final PolicyOffers offers;

	private final Clock clock;

	ContributingController(CaseContributions contributions, CaseSections sections, CasePurposes purposes,
			CaseIntake intake, PolicyOffers offers, Clock clock) {
		this.contributions = contributions;
		this.sections = sections;
		this.purposes = purposes;
		this.intake = intake;
		this.offers = offers;
		this.clock = clock;
	}

	@PostMapping(path = "/{id}/contributions", headers = HX + "=true")
	String contributeInPlace(Access access, @PathVariable UUID id,
			@Valid @ModelAttribute("contribution") ContributionRequest contribution, BindingResult errors,
			HttpSession session, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (this.purposes.of(session, id).isEmpty()) {
			return SectionAnswers.toCasePage(id, null, request, response);
		}
		CaseFacts facts = this.sections.contributing(access, new CaseId(id));
		if (!facts.open()) {
			throw new CaseClosed(facts.status(), facts.triageOutcome());
		}
		if (!errors.hasErrors()) {
			try {
				this.contributions.contribute(access, facts.id(), contribution);
				// the entry as its author wrote it, and an empty form for the next
				model.addAttribute("written", contribution);
				model.addAttribute("writtenAt", Instant.now(this.clock));
				model.addAttribute("sectionNotice", "contribution.added");
				model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "contribution");
				model.addAttribute("contribution", new ContributionRequest());
				return section(access, facts, model);
			}
			catch (InvalidInput ex) {
				for (FieldProblem problem : ex.problems()) {
					errors.rejectValue(problem.field(), "invalid", problem.message());
				}
			}
		}
		response.setStatus(SectionAnswers.UNPROCESSABLE);
		// "Wat ziet wie?" asks again for what was chosen (a preview is recorded as it
		// always is, by its own request, not by this answer)
		model.addAttribute("previewAgain", contribution.getCategory() != null && contribution.getLegalBasis() != null);
		return section(access, facts, model);
	}

	/**
	 * What the form needs besides the case: the categories and bases the policy offers
	 * the role and who can be named as audience. The consents to rest on (and whether a
	 * consent basis is offered at all) stay as the page showed them: reading them again
	 * would record each one as shown.
	 */
	private String section(Access access, CaseFacts facts, Model model) {
		model.addAttribute("facts", facts);
		model.addAttribute("categories", this.offers.categories(CasePage.actingRole(access)));
		model.addAttribute("legalBases",
				this.offers.bases(CasePage.actingRole(access))
					.stream()
					.filter((b) -> b != LegalBasis.CONSENT)
					.toList());
		model.addAttribute("consentChoices", List.of());
		model.addAttribute("inPlace", true);
		model.addAttribute("domains", Domain.values());
		List<Organisation> organisations = this.intake.organisations();
		Map<String, String> names = new LinkedHashMap<>();
		organisations.forEach((o) -> names.put(o.code(), o.name()));
		model.addAttribute("organisations", organisations);
		model.addAttribute("organisationNames", names);
		return SECTION;
	}

}
