package nl.schakel.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.schakel.casefile.CloseReason;
import nl.schakel.casefile.TriageOutcome;
import nl.schakel.consent.EvidenceKind;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyOffers;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What each section of the case page needs to be drawn on its own, from what
 * {@link CaseSections} read for it.
 */
@Component
class CaseSectionModels {

	private final CaseIntake intake;

	private final Policy policy;

	private final PolicyOffers offers;

	CaseSectionModels(CaseIntake intake, Policy policy, PolicyOffers offers) {
		this.intake = intake;
		this.policy = policy;
		this.offers = offers;
	}

	void participants(Model model, CaseSections.ParticipantsSection section) {
		model.addAttribute("facts", section.facts());
		model.addAttribute("steering", section.steering());
		model.addAttribute("steeringHouse", section.steeringHouse());
		model.addAttribute("participants", section.participants());
		organisations(model);
		model.addAttribute("purposes", this.policy.purposes());
	}

	void consents(Model model, CaseSections.ConsentsSection section) {
		model.addAttribute("facts", section.facts());
		model.addAttribute("steering", section.steering());
		model.addAttribute("consents", section.consents());
		organisations(model);
		model.addAttribute("purposes", this.policy.purposes());
		model.addAttribute("consentPurposes", this.offers.consentPurposes());
		model.addAttribute("domains", Domain.values());
		model.addAttribute("categories", DataCategory.values());
		model.addAttribute("evidenceKinds", EvidenceKind.values());
	}

	void status(Model model, CaseSections.StatusSection section) {
		model.addAttribute("facts", section.facts());
		model.addAttribute("steering", section.steering());
		// the answer to a status move reads the case's facts without the gate: its
		// free-text reasons are case content, shown on the full page after the case's
		// logged read, not here
		model.addAttribute("statusOnly", true);
		model.addAttribute("triageOutcomes", TriageOutcome.values());
		model.addAttribute("closeReasons", CloseReason.values());
	}

	private void organisations(Model model) {
		List<Organisation> organisations = this.intake.organisations();
		Map<String, String> names = new LinkedHashMap<>();
		organisations.forEach((o) -> names.put(o.code(), o.name()));
		model.addAttribute("organisations", organisations);
		model.addAttribute("organisationNames", names);
	}

}
