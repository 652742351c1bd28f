package nl.schakel.assessment;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.ids.CaseId;
import nl.schakel.organisation.Domain;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.security.Actor;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the assessment page of a case shows and offers, read through the gate under the
 * purpose chosen for the case: the page after a visit, and the page again after a failed
 * save, with the messages at the fields of the form that failed and what was typed kept.
 */
@Component
class AssessmentPage {

	/** The problems of the form that failed, each at the id of its control. */
	static final String PROBLEMS = "formProblems";

	/** What was typed into the form that failed, by field name. */
	static final String INPUT = "formInput";

	/**
	 * Which form failed: {@code assess}, {@code judge}, {@code licensed}, {@code choose},
	 * …
	 */
	static final String FAILED = "failedForm";

	private final AssessmentService assessments;

	private final InterventionService interventions;

	private final AssessmentInstrument instrument;

	private final CaseAccess access;

	private final CatalogueInForce catalogue;

	AssessmentPage(AssessmentService assessments, InterventionService interventions, AssessmentInstrument instrument,
			CaseAccess access, CatalogueInForce catalogue) {
		this.assessments = assessments;
		this.interventions = interventions;
		this.instrument = instrument;
		this.access = access;
		this.catalogue = catalogue;
	}

	/** Fills the model for the case's assessment page and names the view to render. */
	String show(Access access, UUID id, Purpose purpose, Model model) {
		AssessmentService.Read read = this.assessments.read(access, new CaseId(id));
		InterventionService.Read chosen = this.interventions.read(access, new CaseId(id));
		model.addAttribute("caseId", id);
		if (!read.visible() || !chosen.visible()) {
			return "cases/not-visible";
		}
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("instrument", this.instrument);
		model.addAttribute("entries", read.entries());
		AssessmentViews.Trend trend = AssessmentViews.trend(this.instrument, read.entries(), this.access::nameOf);
		model.addAttribute("trend", trend);
		model.addAttribute("prompts", AssessmentViews.prompts(this.instrument, read.entries()));
		model.addAttribute("interventions", chosen.interventions());
		model.addAttribute("trendChart", AssessmentCharts.trend(trend, locale));
		Map<String, String> names = this.access.names();
		model.addAttribute("names", names);
		Actor actor = access.actor();
		CaseId caseId = new CaseId(id);
		boolean writes = this.access.canWrite(caseId, actor, purpose);
		CaseFacts facts = this.access.existing(caseId);
		Domain own = this.access.domainOf(actor);
		model.addAttribute("canWrite", writes);
		model.addAttribute("steers", writes && this.access.steers(facts, actor));
		model.addAttribute("ratable",
				writes && own != null
						? this.instrument.domains().stream().filter((d) -> d.ratedBy().contains(own.name())).toList()
						: List.of());
		model.addAttribute("myOrganisation", actor.organisation());
		Map<String, Label> concernLevels = new HashMap<>();
		this.instrument.concernLevels().forEach((c) -> concernLevels.put(c.code(), c.label()));
		model.addAttribute("concernLevels", concernLevels);
		InterventionCatalogue current = this.catalogue.current();
		model.addAttribute("catalogue", current);
		// the choices of the forms, labelled in the reader's language, in their order
		Map<String, String> offered = new LinkedHashMap<>();
		current.offered().forEach((c) -> offered.put(c.code(), c.name().in(locale)));
		model.addAttribute("offeredInterventions", offered);
		Map<String, String> barrierKinds = new LinkedHashMap<>();
		current.barriers().forEach((b) -> barrierKinds.put(b.code(), b.label().in(locale)));
		model.addAttribute("barrierKinds", barrierKinds);
		List<String> participants = writes ? this.access.participants(facts) : List.of();
		Map<String, String> participantNames = new LinkedHashMap<>();
		participants.forEach((o) -> participantNames.put(o, names.getOrDefault(o, o)));
		model.addAttribute("participants", participants);
		model.addAttribute("participantNames", participantNames);
		model.addAttribute("legalBases", List.of("PUBLIC_TASK", "STATUTORY"));
		model.addAttribute("outcomes", List.of("COMPLETED", "STOPPED_EARLY"));
		model.addAttribute("rows", IntStream.range(0, AssessmentForms.ROWS).boxed().toList());
		model.addAttribute("today", java.time.LocalDate.now());
		if (!model.containsAttribute(PROBLEMS)) {
			model.addAttribute(PROBLEMS, List.of());
		}
		if (!model.containsAttribute(INPUT)) {
			model.addAttribute(INPUT, Map.of());
		}
		if (!model.containsAttribute(INPUT + "Domains")) {
			model.addAttribute(INPUT + "Domains", List.of());
		}
		if (!model.containsAttribute(FAILED)) {
			model.addAttribute(FAILED, "");
		}
		return "assessment/case";
	}

}
