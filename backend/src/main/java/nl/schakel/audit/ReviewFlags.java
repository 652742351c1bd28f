package nl.schakel.audit;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The review flags from {@code policies/review-flags.yaml}: which disclosures land in the
 * privacy officer's review queue, and how a subject-access report names recipients.
 *
 * @param version the declared version of the file
 * @param officeHours when reads are expected
 * @param showProfessionalNames whether a subject-access report names individual
 * professionals
 * @param flags the flag rules, in file order
 */
record ReviewFlags(String version, OfficeHours officeHours, boolean showProfessionalNames, List<Flag> flags) {

	/** The flag rules of one kind, in file order. */
	List<Flag> of(Kind kind) {
		return this.flags.stream().filter((flag) -> flag.kind() == kind).toList();
	}

	/**
	 * The first policy-flag rule that claims a flagged disclosure made by this
	 * access-policy rule.
	 */
	Optional<Flag> policyFlagFor(String accessRule) {
		return of(Kind.POLICY_FLAG).stream()
			.filter((flag) -> flag.policyRules().isEmpty() || flag.policyRules().contains(accessRule))
			.findFirst();
	}

	/** What a flag rule looks for. */
	enum Kind {

		/**
		 * Disclosures the access policy flagged (break-the-glass, conflict of duties).
		 */
		POLICY_FLAG("policy-flag"),
		/** Many denials for one professional in a short time. */
		DENIAL_BURST("denial-burst"),
		/** Content shown outside office hours. */
		OUTSIDE_OFFICE_HOURS("outside-office-hours"),
		/** One professional reading many different persons in a short time. */
		MANY_PERSONS("many-persons");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		String code() {
			return this.code;
		}

	}

	/**
	 * One flag rule.
	 *
	 * @param id unique id, shown in the queue
	 * @param kind what it looks for
	 * @param description what it means, for the auditor
	 * @param due how long the auditor has to review an item
	 * @param policyRules for policy flags: the access-policy rule ids it claims (empty:
	 * any)
	 * @param count for bursts and many persons: how many within the window
	 * @param window for bursts and many persons: the time window
	 * @param line where it is in the file
	 */
	record Flag(String id, Kind kind, String description, Duration due, Set<String> policyRules, int count,
			Duration window, int line) {
	}

	/**
	 * Office hours in one time zone.
	 *
	 * @param zone e.g. Europe/Amsterdam
	 * @param days the working days
	 * @param from start of the day (inclusive)
	 * @param until end of the day (exclusive)
	 */
	record OfficeHours(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime until) {

		boolean contains(Instant instant) {
			ZonedDateTime local = instant.atZone(this.zone);
			LocalTime time = local.toLocalTime();
			return this.days.contains(local.getDayOfWeek()) && !time.isBefore(this.from) && time.isBefore(this.until);
		}

	}

}
