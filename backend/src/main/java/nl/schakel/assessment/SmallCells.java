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
 * shown;</li>
 * <li>a breakdown of an intervention's cases (by phase, age group, status) hides a cell
 * under {@value #THRESHOLD} and, when the hidden cells together are fewer than
 * {@value #THRESHOLD}, the smallest shown ones too; a cell shows its own figures only
 * when what the row's figures leave over the cells that show theirs is nothing or again
 * at least {@value #THRESHOLD}.</li>
 * </ol>
 */
final class SmallCells {

	static final int THRESHOLD = 10;

	static final String RULE = "Figures below " + THRESHOLD + " cases are hidden: an intervention used in fewer than "
			+ THRESHOLD
			+ " cases shows no figures; a count is shown only when it and the rest of its row are both at least "
			+ THRESHOLD + "; completed, stopped early and ongoing are shown together only when each is at least "
			+ THRESHOLD + "; an average needs at least " + THRESHOLD
			+ " cases; there is no total row; in a breakdown by phase, age group or status, cells hidden in a row"
			+ " together count at least " + THRESHOLD + " cases (else more cells are hidden).";

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

	/**
	 * Which cells of a row may be shown, when the row's whole is shown: a cell needs at
	 * least {@value #THRESHOLD} cases, and the cells hidden together either none or at
	 * least {@value #THRESHOLD} — else the smallest shown cells are hidden as well
	 * (complementary suppression), so the whole minus the cells shown never reveals a
	 * small group, nor a single hidden cell.
	 */
	static boolean[] complementary(List<Long> cells) {
		boolean[] shown = new boolean[cells.size()];
		long hidden = 0;
		boolean anyHidden = false;
		for (int i = 0; i < shown.length; i++) {
			shown[i] = cells.get(i) >= THRESHOLD;
			if (!shown[i]) {
				hidden += cells.get(i);
				anyHidden = true;
			}
		}
		while (anyHidden && hidden < THRESHOLD) {
			int smallest = -1;
			for (int i = 0; i < shown.length; i++) {
				if (shown[i] && (smallest < 0 || cells.get(i) < cells.get(smallest))) {
					smallest = i;
				}
			}
			if (smallest < 0) {
				break;
			}
			shown[smallest] = false;
			hidden += cells.get(smallest);
		}
		return shown;
	}

	/**
	 * Whether what is left of a shown count after subtracting the cells that show their
	 * own is safe to reveal: nothing left at all, or a rest of at least
	 * {@value #THRESHOLD} out of a group whose other part is also at least
	 * {@value #THRESHOLD} (when {@code bothSides}, as for a count of cases with a
	 * barrier).
	 */
	static boolean remainderSafe(long remainingCases, long remainder, boolean bothSides) {
		if (remainingCases == 0) {
			return true;
		}
		return remainder >= THRESHOLD && (!bothSides || remainingCases - remainder >= THRESHOLD);
	}

	static Double average(double sum, long over) {
		return (over >= THRESHOLD) ? Math.round(sum / over * 10.0) / 10.0 : null;
	}

}
