package nl.schakel.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is made of the entries a reader may see: the trend per domain and the prompts for
 * discussion. Both work only on what the gate permitted; withheld entries appear as
 * "rated by", never as figures.
 */
final class AssessmentViews {

	private AssessmentViews() {
	}

	/** A prompt for discussion, never a decision. */
	record PromptView(String code, Label label, String kind) {
	}

	record Point(String moment, Instant ratedAt, String ratedBy, Double mean, Map<String, Integer> scores) {
	}

	record Withheld(String moment, Instant ratedAt, String ratedBy, String ratedByName) {
	}

	record DomainTrend(String domain, Label label, List<Point> points, List<Withheld> withheld) {
	}

	record Trend(String instrumentVersion, List<DomainTrend> domains) {
	}

	static Trend trend(AssessmentInstrument instrument, List<AssessmentService.Entry> entries,
			java.util.function.Function<String, String> names) {
		List<DomainTrend> domains = new ArrayList<>();
		for (AssessmentInstrument.Domain domain : instrument.domains()) {
			List<Point> points = new ArrayList<>();
			List<Withheld> withheld = new ArrayList<>();
			for (AssessmentService.Entry entry : entries) {
				if (!entry.domain().equals(domain.code())) {
					continue;
				}
				if (!entry.permitted() || entry.content() == null) {
					withheld.add(new Withheld(entry.moment(), entry.createdAt(), entry.organisation(),
							names.apply(entry.organisation())));
					continue;
				}
				Map<String, Integer> scores = new LinkedHashMap<>();
				int sum = 0;
				int ordinal = 0;
				for (SealedAssessment.Score score : entry.content().ratings()) {
					scores.put(score.item(), score.score());
					if (domain.item(score.item()).map((i) -> i.scale().ordinal()).orElse(false)) {
						sum += score.score();
						ordinal++;
					}
				}
				points.add(new Point(entry.moment(), entry.createdAt(), entry.organisation(),
						(ordinal > 0) ? Math.round(sum * 100.0 / ordinal) / 100.0 : null, scores));
			}
			if (!points.isEmpty() || !withheld.isEmpty()) {
				domains.add(new DomainTrend(domain.code(), domain.label(), points, withheld));
			}
		}
		return new Trend(instrument.version(), domains);
	}

	/**
	 * The prompts whose every item is, in its latest visible rating, at least as high as
	 * named.
	 */
	static List<PromptView> prompts(AssessmentInstrument instrument, List<AssessmentService.Entry> entries) {
		Map<String, Integer> latest = new HashMap<>();
		for (AssessmentService.Entry entry : entries) {
			if (entry.permitted() && entry.content() != null && entry.content().ratings() != null) {
				for (SealedAssessment.Score score : entry.content().ratings()) {
					latest.put(entry.domain() + "." + score.item(), score.score());
				}
			}
		}
		List<PromptView> prompts = new ArrayList<>();
		for (AssessmentInstrument.Prompt prompt : instrument.prompts()) {
			boolean met = prompt.when()
				.entrySet()
				.stream()
				.allMatch((w) -> latest.containsKey(w.getKey()) && latest.get(w.getKey()) >= w.getValue());
			if (met) {
				prompts.add(new PromptView(prompt.code(), prompt.label(), "prompt-for-discussion"));
			}
		}
		return prompts;
	}

}
