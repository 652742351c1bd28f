package nl.schakel.assessment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import nl.schakel.casework.CasePurposes;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.security.Channel;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The assessment page of a case (entries and the trend per domain as a table, for
 * everyone and for screen readers alike) under the purpose chosen for the case, and the
 * evaluation page. Reads go through the gate with channel UI.
 */
@Controller
class AssessmentPages {

	private final AssessmentPage page;

	private final Evaluation evaluation;

	private final CasePurposes purposes;

	private final org.springframework.context.MessageSource messages;

	AssessmentPages(AssessmentPage page, Evaluation evaluation, CasePurposes purposes,
			org.springframework.context.MessageSource messages) {
		this.page = page;
		this.messages = messages;
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
		return this.page.show(access, id, purpose, model);
	}

	@GetMapping("/evaluation")
	String evaluation(Access access, Model model) {
		Evaluation.Overview overview = this.evaluation.overview(access);
		Evaluation.Aggregates aggregates = overview.interventions();
		model.addAttribute("aggregates", aggregates);
		model.addAttribute("elements", overview.workingElements());
		model.addAttribute("barrierKinds", this.evaluationBarriers(aggregates));
		java.util.Locale locale = LocaleContextHolder.getLocale();
		List<Evaluation.Row> shown = aggregates.interventions().stream().filter((r) -> r.completed() != null).toList();
		model.addAttribute("outcomeChart",
				AssessmentCharts.bars(this.messages.getMessage("evaluation.chart.outcomes", null, locale),
						shown.stream().map((r) -> r.name().in(locale)).toList(),
						outcomeSeries(locale, shown.stream().map(Evaluation.Row::completed).toList(),
								shown.stream().map(Evaluation.Row::stoppedEarly).toList(),
								shown.stream().map(Evaluation.Row::ongoing).toList())));
		List<Evaluation.ElementRow> elements = overview.workingElements()
			.stream()
			.filter((r) -> r.completed() != null)
			.toList();
		model.addAttribute("elementChart", AssessmentCharts.bars(
				this.messages.getMessage("evaluation.chart.elements", null, locale),
				elements.stream().map((r) -> this.messages.getMessage("element." + r.element(), null, locale)).toList(),
				outcomeSeries(locale, elements.stream().map(Evaluation.ElementRow::completed).toList(),
						elements.stream().map(Evaluation.ElementRow::stoppedEarly).toList(),
						elements.stream().map(Evaluation.ElementRow::ongoing).toList())));
		model.addAttribute("breakdowns",
				List.of(breakdown("PHASE", aggregates.byPhase(), locale),
						breakdown("AGE_GROUP", aggregates.byAgeGroup(), locale),
						breakdown("STATUS", aggregates.byStatus(), locale)));
		return "assessment/evaluation";
	}

	/**
	 * One breakdown on the page: its table rows and a chart of the number of cases per
	 * value, one group of bars per intervention with any cell shown (hidden cells have no
	 * bar).
	 */
	record BreakdownView(String key, List<Evaluation.BreakdownRow> rows, String chart) {
	}

	private BreakdownView breakdown(String key, List<Evaluation.BreakdownRow> rows, java.util.Locale locale) {
		List<String> shownInterventions = rows.stream()
			.filter((r) -> r.cases() != null)
			.map(Evaluation.BreakdownRow::intervention)
			.distinct()
			.toList();
		List<String> categories = new java.util.ArrayList<>();
		Map<String, List<Long>> series = new java.util.LinkedHashMap<>();
		for (String code : shownInterventions) {
			List<Evaluation.BreakdownRow> ofIntervention = rows.stream()
				.filter((r) -> r.intervention().equals(code))
				.toList();
			categories.add(ofIntervention.get(0).name().in(locale));
			for (Evaluation.BreakdownRow row : ofIntervention) {
				series.computeIfAbsent(row.valueLabel().in(locale), (k) -> new java.util.ArrayList<>())
					.add(row.cases());
			}
		}
		return new BreakdownView(key, rows, AssessmentCharts
			.bars(this.messages.getMessage("evaluation.chart.breakdown." + key, null, locale), categories, series));
	}

	/**
	 * The evaluation page's figures as CSV for policy staff (suppressed cells empty), per
	 * intervention and per working element; producing it is logged as statistical use.
	 */
	@GetMapping(value = "/evaluation.csv", produces = "text/csv")
	org.springframework.http.ResponseEntity<String> evaluationCsv(Access access) {
		Evaluation.Overview overview = this.evaluation.overview(access.via(Channel.EXPORT));
		StringBuilder csv = new StringBuilder(
				"breakdown;category;cases;completed;stopped_early;ongoing;mean_duration_days;value;"
						+ "concern_known;concern_down;concern_same;concern_up\r\n");
		for (Evaluation.Row row : overview.interventions().interventions()) {
			line(csv, "intervention", row.intervention(), row.cases(), row.completed(), row.stoppedEarly(),
					row.ongoing(), row.meanDurationDays(), null, row.concernKnown(), row.concernDown(),
					row.concernSame(), row.concernUp());
		}
		for (Evaluation.ElementRow row : overview.workingElements()) {
			line(csv, "working_element", row.element(), row.deployments(), row.completed(), row.stoppedEarly(),
					row.ongoing(), null, null);
		}
		// per phase, age group and status: the intervention as category, the scale value
		// (or not_rated) in the last column
		Evaluation.Aggregates aggregates = overview.interventions();
		Map<String, List<Evaluation.BreakdownRow>> breakdowns = new java.util.LinkedHashMap<>();
		breakdowns.put("phase", aggregates.byPhase());
		breakdowns.put("age_group", aggregates.byAgeGroup());
		breakdowns.put("status", aggregates.byStatus());
		breakdowns.forEach((breakdown,
				rows) -> rows.forEach((row) -> line(csv, breakdown, row.intervention(), row.cases(), row.completed(),
						row.stoppedEarly(), row.ongoing(), row.meanDurationDays(),
						(row.value() != null) ? row.value() : "not_rated", row.concernKnown(), row.concernDown(),
						row.concernSame(), row.concernUp())));
		csv.append("# ").append(overview.interventions().rule()).append("\r\n");
		return org.springframework.http.ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"evaluation.csv\"")
			.contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(csv.toString());
	}

	private static void line(StringBuilder csv, String breakdown, String category, Object... cells) {
		csv.append(breakdown).append(';').append(category);
		for (Object cell : cells) {
			csv.append(';').append((cell != null) ? cell : "");
		}
		csv.append("\r\n");
	}

	private Map<String, List<Long>> outcomeSeries(java.util.Locale locale, List<Long> completed, List<Long> stopped,
			List<Long> ongoing) {
		Map<String, List<Long>> series = new java.util.LinkedHashMap<>();
		series.put(this.messages.getMessage("assessment.outcome.COMPLETED", null, locale), completed);
		series.put(this.messages.getMessage("assessment.outcome.STOPPED_EARLY", null, locale), stopped);
		series.put(this.messages.getMessage("assessment.outcome.running", null, locale), ongoing);
		return series;
	}

	private List<String> evaluationBarriers(Evaluation.Aggregates aggregates) {
		return aggregates.interventions().stream().flatMap((r) -> r.barriers().keySet().stream()).distinct().toList();
	}

}
