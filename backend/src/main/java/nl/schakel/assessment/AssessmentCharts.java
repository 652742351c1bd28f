package nl.schakel.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The data the chart script reads from a {@code data-chart} attribute: the same figures
 * as the tables next to it (which stay for screen readers), never more. Only what the
 * gate let the reader see is in the trend; withheld domains have no points.
 */
final class AssessmentCharts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AssessmentCharts() {
	}

	/** One line per domain: the mean of its ordinal items at each moment it was rated. */
	static String trend(AssessmentViews.Trend trend, Locale locale) {
		List<Map<String, Object>> series = new ArrayList<>();
		for (AssessmentViews.DomainTrend domain : trend.domains()) {
			List<List<Object>> points = new ArrayList<>();
			for (AssessmentViews.Point point : domain.points()) {
				if (point.mean() != null) {
					points.add(List.of(point.ratedAt().toString(), point.mean()));
				}
			}
			if (!points.isEmpty()) {
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("name", domain.label().in(locale));
				line.put("points", points);
				series.add(line);
			}
		}
		return JSON.writeValueAsString(Map.of("kind", "trend", "series", series));
	}

	/**
	 * Bars of a breakdown: one category per row, the figures shown (suppressed cells
	 * absent).
	 */
	static String bars(String title, List<String> categories, Map<String, List<Long>> values) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("kind", "bars");
		chart.put("title", title);
		chart.put("categories", categories);
		chart.put("values", values);
		return JSON.writeValueAsString(chart);
	}

}
