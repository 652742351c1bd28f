package nl.schakel.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import nl.schakel.policy.LegalBasis;
import nl.schakel.web.FieldProblem;

import org.springframework.util.MultiValueMap;

/**
 * The ratings an assessment form posts: a score and a justification field per item of the
 * domains it offers ({@code score.<domain>.<item>}), and the legal basis. The service
 * names a rating by its place in the list; the page by domain and item, which
 * {@link #keys()} keeps in the same order. Also the two field readers the assessment
 * pages share.
 *
 * @param keys each rating's {@code <domain>.<item>}, in the order of {@code ratings}
 * @param ratings the items given a score or a justification
 * @param basis the legal basis chosen, public task if none
 */
record RatingsForm(List<String> keys, List<AssessmentRequest.Rating> ratings, LegalBasis basis) {

	/**
	 * Reads the form; what cannot be read (a score that is no number, an unknown legal
	 * basis) is added to the problems, at its field.
	 */
	static RatingsForm read(Iterable<AssessmentInstrument.Domain> offered, MultiValueMap<String, String> form,
			List<FieldProblem> problems) {
		List<String> keys = new ArrayList<>();
		List<AssessmentRequest.Rating> ratings = new ArrayList<>();
		for (AssessmentInstrument.Domain domain : offered) {
			for (AssessmentInstrument.Item item : domain.items()) {
				String key = domain.code() + "." + item.code();
				String score = value(form, "score." + key);
				String justification = value(form, "justification." + key);
				if (score == null && justification == null) {
					continue;
				}
				Integer parsed = null;
				if (score != null) {
					try {
						parsed = Integer.valueOf(score);
					}
					catch (NumberFormatException ex) {
						problems.add(new FieldProblem("score." + key, "A score is one of the anchors"));
						continue;
					}
				}
				keys.add(key);
				ratings.add(new AssessmentRequest.Rating(domain.code(), item.code(), parsed, justification));
			}
		}
		LegalBasis basis = LegalBasis.PUBLIC_TASK;
		if (value(form, "legalBasis") != null) {
			try {
				basis = LegalBasis.valueOf(value(form, "legalBasis"));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("legalBasis", "Unknown legal basis"));
			}
		}
		return new RatingsForm(List.copyOf(keys), List.copyOf(ratings), basis);
	}

	/** A field's value, stripped; null when absent or blank. */
	static String value(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A date field's value; null when absent, or when it is no date (then added to the
	 * problems, at its field).
	 */
	static LocalDate date(String text, String field, List<FieldProblem> problems) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "A date, yyyy-mm-dd"));
			return null;
		}
	}

}
