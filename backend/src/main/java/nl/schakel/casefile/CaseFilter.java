package nl.schakel.casefile;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What a case list is narrowed to: part of the reference, a status, a case type and the
 * period the case was opened in. Every part may be left out. Metadata only, like the
 * list.
 *
 * @param reference part of the reference, case-insensitive
 * @param status the status, or {@code null} for any
 * @param caseType the case type, or {@code null} for any
 * @param openedFrom opened on or after, or {@code null}
 * @param openedUntil opened on or before, or {@code null}
 */
public record CaseFilter(String reference, CaseStatus status, CaseType caseType, LocalDate openedFrom,
		LocalDate openedUntil) {

	/** No narrowing: every case. */
	public static final CaseFilter NONE = new CaseFilter(null, null, null, null, null);

	// the database's own bounds for "no bound", so the query needs no nullable parameters
	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	String referencePattern() {
		String text = (this.reference == null) ? "" : this.reference.strip().toLowerCase(Locale.ROOT);
		return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	LocalDate from() {
		return (this.openedFrom != null) ? this.openedFrom : EARLIEST;
	}

	LocalDate until() {
		return (this.openedUntil != null) ? this.openedUntil : LATEST;
	}

	java.util.Set<CaseStatus> statuses() {
		return (this.status != null) ? java.util.EnumSet.of(this.status) : java.util.EnumSet.allOf(CaseStatus.class);
	}

	java.util.Set<CaseType> caseTypes() {
		return (this.caseType != null) ? java.util.EnumSet.of(this.caseType) : java.util.EnumSet.allOf(CaseType.class);
	}

}
