package nl.schakel.assessment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseId;
import nl.schakel.casework.CasePurposes;
import nl.schakel.disclosure.Channel;
import nl.schakel.organisation.Domain;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.security.CurrentActor;

import org.springframework.context.i18n.LocaleContextHolder;
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

	private final InterventionCatalogue catalogue;

	AssessmentPages(AssessmentService assessments, InterventionService interventions, AssessmentInstrument instrument,
			Evaluation evaluation, CasePurposes purposes, CaseAccess access, InterventionCatalogue catalogue) {
		this.access = access;
		this.catalogue = catalogue;
		this.assessments = assessments;
		this.interventions = interventions;
		this.instrument = instrument;
		this.evaluation = evaluation;
		this.purposes = purposes;
	}

	@GetMapping("/cases/{id}/assessment")
	String assessment(@PathVariable UUID id, HttpSession session, Model model) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			// the purpose is chosen on the case page, once, and kept for the case
			return "redirect:/cases/" + id;
		}
		AssessmentService.Read read = this.assessments.read(new CaseId(id), CurrentActor.require(), purpose,
				Channel.UI);
		InterventionService.Read chosen = this.interventions.read(new CaseId(id), CurrentActor.require(), purpose,
				Channel.UI);
		model.addAttribute("caseId", id);
		if (!read.visible() || !chosen.visible()) {
			return "cases/not-visible";
		}
		model.addAttribute("instrument", this.instrument);
		model.addAttribute("entries", read.entries());
		model.addAttribute("trend", AssessmentViews.trend(this.instrument, read.entries(), this.access::nameOf));
		model.addAttribute("prompts", AssessmentViews.prompts(this.instrument, read.entries()));
		model.addAttribute("interventions", chosen.interventions());
		model.addAttribute("trendChart", AssessmentCharts.trend(AssessmentViews.trend(this.instrument, read.entries(),
				this.access::nameOf), LocaleContextHolder.getLocale()));
		model.addAttribute("names", this.access.names());
		Actor actor = CurrentActor.require();
		CaseId caseId = new CaseId(id);
		boolean writes = this.access.canWrite(caseId, actor, purpose);
		CaseFacts facts = this.access.existing(caseId);
		Domain own = this.access.domainOf(actor);
		model.addAttribute("canWrite", writes);
		model.addAttribute("steers", writes && this.access.steers(facts, actor));
		model.addAttribute("ratable", writes && own != null ? this.instrument.domains()
			.stream()
			.filter((d) -> d.ratedBy().contains(own.name()))
			.toList() : List.of());
		model.addAttribute("myOrganisation", actor.organisation());
		Map<String, Label> concernLevels = new java.util.HashMap<>();
		this.instrument.concernLevels().forEach((c) -> concernLevels.put(c.code(), c.label()));
		model.addAttribute("concernLevels", concernLevels);
		model.addAttribute("catalogue", this.catalogue);
		model.addAttribute("participants", writes ? this.access.participants(facts) : List.of());
		model.addAttribute("rows", java.util.stream.IntStream.range(0, AssessmentForms.ROWS).boxed().toList());
		model.addAttribute("today", java.time.LocalDate.now());
		for (String attribute : List.of(AssessmentForms.ERRORS, AssessmentForms.INPUT)) {
			if (!model.containsAttribute(attribute)) {
				model.addAttribute(attribute, Map.of());
			}
		}
		if (!model.containsAttribute(AssessmentForms.INPUT + "Domains")) {
			model.addAttribute(AssessmentForms.INPUT + "Domains", List.of());
		}
		return "assessment/case";
	}

	@GetMapping("/evaluation")
	String evaluation(Model model) {
		Evaluation.Aggregates aggregates = this.evaluation.interventions(CurrentActor.require(), Channel.UI);
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
