package nl.schakel.assessment;

import java.util.List;

/**
 * Small-cell suppression for evaluation aggregates. The rule, as the page states it:
 * <ol>
 * <li>an intervention used in fewer than {@value #THRESHOLD} cases shows no figures at
 * all;</li>
 * <li>a count is shown only when it and its difference with the row's number of cases are
 * both at least {@value #THRESHOLD} (so neither "these 4" nor "all but 4" is
 * revealed);</li>
 * <li>the parts of one whole (completed, stopped early, ongoing) are shown together or
 * not at all: only when every part is at least {@value #THRESHOLD}, so no part follows
 * from the others by subtraction;</li>
 * <li>an average is shown only when it is taken over at least {@value #THRESHOLD}
 * cases;</li>
 * <li>there is no total row, so no hidden row follows from a total minus the rows
 * shown.</li>
 * </ol>
 */
final class SmallCells {

	static final int THRESHOLD = 10;

	static final String RULE = "Figures below " + THRESHOLD + " cases are hidden: an intervention used in fewer than "
			+ THRESHOLD
			+ " cases shows no figures; a count is shown only when it and the rest of its row are both at least "
			+ THRESHOLD + "; completed, stopped early and ongoing are shown together only when each is at least "
			+ THRESHOLD + "; an average needs at least " + THRESHOLD + " cases; there is no total row.";

	private SmallCells() {
	}

	static boolean rowShown(long cases) {
		return cases >= THRESHOLD;
	}

	/**
	 * The count, or {@code null} when it or its difference with the whole reveals a small
	 * group.
	 */
	static Long count(long count, long whole) {
		return (whole >= THRESHOLD && count >= THRESHOLD && whole - count >= THRESHOLD) ? count : null;
	}

	/** The parts of a whole, all shown or all hidden ({@code null}s). */
	static List<Long> partition(long whole, List<Long> parts) {
		boolean shown = whole >= THRESHOLD && parts.stream().allMatch((p) -> p >= THRESHOLD);
		return parts.stream().map((p) -> shown ? p : null).toList();
	}

	static Double average(double sum, long over) {
		return (over >= THRESHOLD) ? Math.round(sum / over * 10.0) / 10.0 : null;
	}

}
