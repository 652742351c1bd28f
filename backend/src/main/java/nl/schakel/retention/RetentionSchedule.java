package nl.schakel.retention;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.policy.DataCategory;
import nl.schakel.register.Register;
import nl.schakel.register.RetentionPeriod;
import nl.schakel.register.RetentionPeriod.CaseOutcome;
import nl.schakel.security.Actor;
import nl.schakel.security.Role;
import nl.schakel.web.InvalidInput;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each closed case is due for erasure under {@code policies/retention.yaml}, and the
 * coordinator's extensions. A case is erased as a whole once the longest period that
 * applies to it has run out: its outcome's period for what has no category of its own,
 * and for each data category it holds the first period that matches outcome and category.
 * A category whose own period ends before that is erased on its own, inside the case that
 * is kept ({@link CategoryErasure}); an extension holds the case and its categories.
 */
@Service
public class RetentionSchedule {

	private final JdbcTemplate jdbc;

	private final List<RetentionPeriod> periods;

	RetentionSchedule(JdbcTemplate jdbc, Register register) {
		this.jdbc = jdbc;
		this.periods = register.retentionPeriods();
	}

	/**
	 * Every closed, not yet erased case whose retention runs out on or before this day.
	 */
	@Transactional(readOnly = true)
	public List<DueErasure> dueBy(LocalDate day) {
		return closedCases(null).stream().filter((due) -> !due.dueOn().isAfter(day)).toList();
	}

	/**
	 * What the job will erase within the next days, for the coordinator's own safety
	 * house.
	 * @param coordinator the coordinator
	 * @param today today
	 * @param days how many days ahead
	 */
	@Transactional(readOnly = true)
	public List<DueErasure> upcoming(Actor coordinator, LocalDate today, int days) {
		requireCoordinator(coordinator);
		LocalDate until = today.plusDays(days);
		return closedCases(coordinator.organisation()).stream()
			.filter((due) -> !due.dueOn().isAfter(until))
			.sorted(Comparator.comparing(DueErasure::dueOn))
			.toList();
	}

	/**
	 * Extends a case's retention, for a pending legal procedure: recorded with its
	 * reason.
	 */
	@Transactional
	public DueErasure extend(Actor coordinator, CaseId caseId, LocalDate until, String reason, OffsetDateTime now) {
		requireCoordinator(coordinator);
		if (until == null) {
			throw InvalidInput.of("until", "Give the day until which the case is kept");
		}
		if (!until.isAfter(now.toLocalDate())) {
			throw InvalidInput.of("until", "An extension lies in the future");
		}
		if (reason == null || reason.isBlank()) {
			throw InvalidInput.of("reason", "Give the reason for keeping the case longer, e.g. the pending procedure");
		}
		if (reason.length() > 2000) {
			throw InvalidInput.of("reason", "The reason is at most 2000 characters");
		}
		CaseErasureRequests.requireOwnHouse(this.jdbc, coordinator, caseId.value());
		// the case row locked, as an erasure locks it: an erasure running now either
		// finishes first or sees this extension when it re-reads the case
		this.jdbc.queryForList("select id from case_file where id = ? for update", caseId.value());
		this.jdbc.update(
				"insert into retention_extension (id, case_id, extended_until, reason, recorded_by, recorded_at) "
						+ "values (?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), caseId.value(), until, reason.strip(), coordinator.username(), now);
		return closedCases(null).stream()
			.filter((due) -> due.caseId().equals(caseId.value()))
			.findFirst()
			.orElseGet(() -> new DueErasure(caseId.value(), null, null, null, null, until, reason.strip()));
	}

	/**
	 * The extensions recorded so far for these cases of the coordinator's own safety
	 * house, oldest first, so the list shows how often and why a case was kept longer.
	 * @param coordinator the coordinator
	 * @param caseIds the cases, as listed by {@link #upcoming}
	 * @return per case its extensions (cases without one are absent)
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<RetentionExtension>> extensions(Actor coordinator, Collection<UUID> caseIds) {
		requireCoordinator(coordinator);
		Map<UUID, List<RetentionExtension>> byCase = new LinkedHashMap<>();
		if (caseIds.isEmpty()) {
			return byCase;
		}
		this.jdbc.query("""
				select e.case_id, e.extended_until, e.reason, e.recorded_by, e.recorded_at
				  from retention_extension e
				  join case_file c on c.id = e.case_id
				  join organisation o on o.id = c.organisation_id
				 where o.code = ? and e.case_id = any (?)
				 order by e.recorded_at, e.extended_until""", (rs) -> {
			UUID caseId = rs.getObject("case_id", UUID.class);
			byCase.computeIfAbsent(caseId, (id) -> new ArrayList<>())
				.add(new RetentionExtension(caseId, rs.getObject("extended_until", LocalDate.class),
						rs.getString("reason"), rs.getString("recorded_by"),
						rs.getObject("recorded_at", OffsetDateTime.class)));
		}, coordinator.organisation(), caseIds.toArray(UUID[]::new));
		return byCase;
	}

	/**
	 * The day a closed case will be erased under the schedule (its extensions included):
	 * how long it may still be followed up. Empty while the case is open or once erased.
	 * @param caseId the case
	 * @return its erasure date
	 */
	@Transactional(readOnly = true)
	public Optional<LocalDate> erasureDateOf(UUID caseId) {
		return dueOf(caseId).map(DueErasure::dueOn);
	}

	/**
	 * The data categories a closed case no longer keeps on this day, each with the last
	 * day it was kept: those with a period of their own that has run out (extensions
	 * included), whether or not their content has been erased yet. Nothing of them is to
	 * be written into the case, since the next run of the retention job would erase it
	 * again. Empty while the case is open or erased. One read of the case for all
	 * categories.
	 * @param caseId the case
	 * @param today the day asked about
	 * @return each category whose period has ended, with the day it ended
	 */
	@Transactional(readOnly = true)
	public Map<DataCategory, LocalDate> categoriesNoLongerKept(UUID caseId, LocalDate today) {
		List<Map<DataCategory, LocalDate>> found = this.jdbc.query("""
				select c.closed_on, c.triage_outcome,
				       exists (select 1 from follow_up f where f.case_id = c.id) as followed_up,
				       (select max(extended_until) from retention_extension e where e.case_id = c.id) as extended_until
				  from case_file c
				 where c.id = ? and c.status = 'CLOSED' and c.closed_on is not null
				   and not exists (select 1 from case_key k where k.case_id = c.id and k.destroyed_at is not null)
				""", (rs, n) -> {
			CaseOutcome outcome = outcome(rs.getString("triage_outcome"), rs.getBoolean("followed_up"));
			LocalDate closedOn = rs.getObject("closed_on", LocalDate.class);
			Date extended = rs.getDate("extended_until");
			Map<DataCategory, LocalDate> ended = new EnumMap<>(DataCategory.class);
			for (DataCategory category : DataCategory.values()) {
				Optional<RetentionPeriod> own = periodOf(outcome, category);
				if (own.isEmpty() || own.get().categories().isEmpty()) {
					continue;
				}
				LocalDate day = closedOn.plus(own.get().period());
				if (extended != null && extended.toLocalDate().isAfter(day)) {
					day = extended.toLocalDate();
				}
				if (!today.isBefore(day)) {
					ended.put(category, day);
				}
			}
			return ended;
		}, caseId);
		return found.isEmpty() ? Map.of() : Map.copyOf(found.get(0));
	}

	/**
	 * One case's due day, read afresh (the caller holds the case row locked): empty while
	 * the case is open or erased.
	 */
	Optional<DueErasure> dueOf(UUID caseId) {
		return closedCases(null, caseId).stream().findFirst();
	}

	/**
	 * The recorded extension (a pending legal procedure) still running on this day, the
	 * longest if there are several.
	 */
	Optional<RetentionExtension> runningHold(UUID caseId, LocalDate today) {
		return this.jdbc
			.query("""
					select case_id, extended_until, reason, recorded_by, recorded_at from retention_extension
					 where case_id = ? and extended_until > ? order by extended_until desc limit 1""",
					(rs, n) -> new RetentionExtension(rs.getObject("case_id", UUID.class),
							rs.getObject("extended_until", LocalDate.class), rs.getString("reason"),
							rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)),
					caseId, today)
			.stream()
			.findFirst();
	}

	private List<DueErasure> closedCases(String house) {
		return closedCases(house, null);
	}

	private List<DueErasure> closedCases(String house, UUID caseId) {
		return closed(house, caseId).stream().map(ClosedCase::due).toList();
	}

	/**
	 * Every category of a closed, not yet erased case whose own period ran out on or
	 * before this day while the case itself is kept, and that still has content not
	 * erased.
	 */
	@Transactional(readOnly = true)
	public List<DueCategoryErasure> categoriesDueBy(LocalDate day) {
		return closed(null, null).stream()
			.flatMap((c) -> c.categoriesDue().stream())
			.filter((due) -> !due.dueOn().isAfter(day))
			.toList();
	}

	/**
	 * The category erasures coming within the next days, for the coordinator's own safety
	 * house.
	 */
	@Transactional(readOnly = true)
	public List<DueCategoryErasure> upcomingCategories(Actor coordinator, LocalDate today, int days) {
		requireCoordinator(coordinator);
		LocalDate until = today.plusDays(days);
		return closed(coordinator.organisation(), null).stream()
			.flatMap((c) -> c.categoriesDue().stream())
			.filter((due) -> !due.dueOn().isAfter(until))
			.sorted(Comparator.comparing(DueCategoryErasure::dueOn).thenComparing(DueCategoryErasure::caseReference))
			.toList();
	}

	/**
	 * One category's due day in one case, read afresh (the caller holds the case row
	 * locked): empty while the case is open or erased, when the category's period does
	 * not end before the case's, or when nothing of it is left to erase.
	 */
	Optional<DueCategoryErasure> categoryDueOf(UUID caseId, DataCategory category) {
		return closed(null, caseId).stream()
			.flatMap((c) -> c.categoriesDue().stream())
			.filter((due) -> due.category() == category)
			.findFirst();
	}

	private List<ClosedCase> closed(String house, UUID caseId) {
		// per case: every category it holds, and the categories with content not yet
		// erased
		String sql = """
				select c.id, c.reference, c.closed_on, c.triage_outcome,
				       exists (select 1 from follow_up f where f.case_id = c.id) as followed_up,
				       (select array_agg(distinct x.category) from (
				            select category from contribution where case_id = c.id
				            union select category from minutes where case_id = c.id
				            union select category from assessment_rating where case_id = c.id) x) as categories,
				       (select array_agg(distinct x.category) from (
				            select id, category from contribution where case_id = c.id
				            union all select id, category from minutes where case_id = c.id
				            union all select id, category from assessment_rating where case_id = c.id) x
				         where not exists (select 1 from content_erasure ce where ce.item_id = x.id)) as unerased,
				       e.extended_until, e.reason
				  from case_file c
				  join organisation o on o.id = c.organisation_id
				  left join lateral (select extended_until, reason from retention_extension
				                      where case_id = c.id order by extended_until desc limit 1) e on true
				 where c.status = 'CLOSED' and c.closed_on is not null
				   and not exists (select 1 from case_key k where k.case_id = c.id and k.destroyed_at is not null)
				""" + ((house != null) ? " and o.code = ?" : "") + ((caseId != null) ? " and c.id = ?" : "");
		List<Object> parameters = new ArrayList<>();
		if (house != null) {
			parameters.add(house);
		}
		if (caseId != null) {
			parameters.add(caseId);
		}
		Object[] args = parameters.toArray();
		return this.jdbc.query(sql, (rs, n) -> {
			CaseOutcome outcome = outcome(rs.getString("triage_outcome"), rs.getBoolean("followed_up"));
			Set<DataCategory> categories = categories(rs.getArray("categories"));
			LocalDate closedOn = rs.getObject("closed_on", LocalDate.class);
			RetentionPeriod longest = longest(outcome, categories, closedOn);
			LocalDate due = closedOn.plus(longest.period());
			Date extended = rs.getDate("extended_until");
			LocalDate extendedUntil = (extended != null) ? extended.toLocalDate() : null;
			if (extendedUntil != null && extendedUntil.isAfter(due)) {
				due = extendedUntil;
			}
			UUID id = rs.getObject("id", UUID.class);
			String reference = rs.getString("reference");
			DueErasure whole = new DueErasure(id, reference, closedOn, longest.id(), due, extendedUntil,
					rs.getString("reason"));
			// a category whose own period ends before the case's goes first; an
			// extension of the case holds its categories too
			List<DueCategoryErasure> early = new ArrayList<>();
			for (DataCategory category : categories(rs.getArray("unerased"))) {
				Optional<RetentionPeriod> own = periodOf(outcome, category);
				if (own.isEmpty() || own.get().categories().isEmpty()) {
					continue;
				}
				LocalDate categoryDue = closedOn.plus(own.get().period());
				if (extendedUntil != null && extendedUntil.isAfter(categoryDue)) {
					categoryDue = extendedUntil;
				}
				if (categoryDue.isBefore(due)) {
					early.add(new DueCategoryErasure(id, reference, closedOn, category, own.get().id(), categoryDue,
							due));
				}
			}
			return new ClosedCase(whole, List.copyOf(early));
		}, args);
	}

	private static Set<DataCategory> categories(java.sql.Array array) throws java.sql.SQLException {
		Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				categories.add(DataCategory.valueOf((String) value));
			}
		}
		return categories;
	}

	// the first period that matches outcome and category: a category's own, or the
	// outcome's
	private Optional<RetentionPeriod> periodOf(CaseOutcome outcome, DataCategory category) {
		return this.periods.stream()
			.filter((p) -> matches(p, outcome) && (p.categories().isEmpty() || p.categories().contains(category)))
			.findFirst();
	}

	private record ClosedCase(DueErasure due, List<DueCategoryErasure> categoriesDue) {
	}

	static CaseOutcome outcome(String triageOutcome, boolean followedUp) {
		// a referral that did not become a case (declined, or advice only) ends at triage
		if ("DECLINED".equals(triageOutcome) || "ADVICE_ONLY".equals(triageOutcome)) {
			return CaseOutcome.DECLINED_AT_TRIAGE;
		}
		return followedUp ? CaseOutcome.CLOSED_AFTER_FOLLOW_UP : CaseOutcome.CLOSED_AFTER_PLAN;
	}

	// The periods that apply: the first matching the outcome for data without a category
	// period,
	// and per category the first matching outcome and category; the longest of them
	// decides.
	RetentionPeriod longest(CaseOutcome outcome, Set<DataCategory> categories, LocalDate from) {
		List<RetentionPeriod> applying = new ArrayList<>();
		this.periods.stream()
			.filter((p) -> matches(p, outcome) && p.categories().isEmpty())
			.findFirst()
			.ifPresent(applying::add);
		for (DataCategory category : categories) {
			periodOf(outcome, category).ifPresent(applying::add);
		}
		if (applying.isEmpty()) {
			throw new IllegalStateException("No retention period in retention.yaml applies to a case " + outcome
					+ "; a case is never erased without a rule");
		}
		return applying.stream().max(Comparator.comparing((RetentionPeriod p) -> from.plus(p.period()))).get();
	}

	private static boolean matches(RetentionPeriod period, CaseOutcome outcome) {
		return period.outcome() == CaseOutcome.ANY || period.outcome() == outcome;
	}

	private static void requireCoordinator(Actor actor) {
		if (!actor.has(Role.COORDINATOR)) {
			throw new AccessDeniedException("Only a coordinator keeps the retention list");
		}
	}

}
