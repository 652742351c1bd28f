package nl.schakel.assessment;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import nl.schakel.casefile.CaseId;
import nl.schakel.casework.CasePurposes;
import nl.schakel.security.Channel;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The assessment page of a case (entries and the trend per domain as a table, for everyone and
 * for screen readers alike) under the purpose chosen for the case, and the evaluation page.
 * Reads go through the gate with channel UI.
 */
@Controller
class AssessmentPages {

	private final AssessmentService assessments;

	private final InterventionService interventions;

	private final AssessmentInstrument instrument;

	private final Evaluation evaluation;

	private final CasePurposes purposes;

	private final CaseAccess access;

	AssessmentPages(AssessmentService assessments, InterventionService interventions, AssessmentInstrument instrument,
			Evaluation evaluation, CasePurposes purposes, CaseAccess access) {
		this.access = access;
		this.assessments = assessments;
		this.interventions = interventions;
		this.instrument = instrument;
		this.evaluation = evaluation;
		this.purposes = purposes;
	}

	@GetMapping("/cases/{id}/assessment")
	String assessment(Access access, @PathVariable UUID id, HttpSession session, Model model) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			// the purpose is chosen on the case page, once, and kept for the case
			return "redirect:/cases/" + id;
		}
		AssessmentService.Read read = this.assessments.read(access, new CaseId(id));
		InterventionService.Read chosen = this.interventions.read(access, new CaseId(id));
		model.addAttribute("caseId", id);
		if (!read.visible() || !chosen.visible()) {
			return "cases/not-visible";
		}
		model.addAttribute("instrument", this.instrument);
		model.addAttribute("entries", read.entries());
		model.addAttribute("trend", AssessmentViews.trend(this.instrument, read.entries(), this.access::nameOf));
		model.addAttribute("prompts", AssessmentViews.prompts(this.instrument, read.entries()));
		model.addAttribute("interventions", chosen.interventions());
		return "assessment/case";
	}

	@GetMapping("/evaluation")
	String evaluation(Access access, Model model) {
		Evaluation.Aggregates aggregates = this.evaluation.interventions(access);
		model.addAttribute("aggregates", aggregates);
		model.addAttribute("barrierKinds", this.evaluationBarriers(aggregates));
		return "assessment/evaluation";
	}

	private List<String> evaluationBarriers(Evaluation.Aggregates aggregates) {
		return aggregates.interventions()
			.stream()
			.flatMap((r) -> r.barriers().keySet().stream())
			.distinct()
			.toList();
	}

}
