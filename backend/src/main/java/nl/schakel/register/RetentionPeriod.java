package nl.schakel.register;

import java.time.Period;
import java.util.Set;

import nl.schakel.policy.DataCategory;

/**
 * One period of {@code retention.yaml}: for cases with this outcome (or any) and data of
 * these categories (empty: all), kept this long counted from the named event, on this
 * legal source.
 */
public record RetentionPeriod(String id, CaseOutcome outcome, Set<DataCategory> categories, Period period,
		CountedFrom from, String source) {

	/** How a case ended, as far as retention cares. */
	public enum CaseOutcome {

		DECLINED_AT_TRIAGE, CLOSED_AFTER_PLAN, CLOSED_AFTER_FOLLOW_UP, ANY

	}

	/** The event a period is counted from. */
	public enum CountedFrom {

		CLOSURE, TRIAGE_DECISION

	}

}
