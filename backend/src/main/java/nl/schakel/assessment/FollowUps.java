package nl.schakel.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CloseReason;
import nl.schakel.retention.RetentionSchedule;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up schedule: moments {@code follow-up-months} after an intervention starts
 * (policy default 3, 6, 12 and 24). A moment counts as done when its responsible
 * organisation records a follow-up assessment or the outcome from {@link #WINDOW_DAYS}
 * days before it is due.
 *
 * <p>
 * A case closed after its plan — its goals achieved, or the person handed to a partner's
 * regular care — is still followed up: its open moments stay due until the case's erasure
 * date under the retention schedule, and a moment on or after that date is cancelled with
 * the reason. A case closed otherwise (declined or advice only at triage, no consent or
 * cooperation, moved away, other) is followed up no more.
 */
@Service
class FollowUps {

	/** How early a follow-up may be recorded and still count for its moment. */
	static final int WINDOW_DAYS = 14;

	/** How a case may close and still be followed up. */
	static final Set<CloseReason> FOLLOWED_UP_AFTER_CLOSURE = EnumSet.of(CloseReason.GOALS_ACHIEVED,
			CloseReason.REFERRED_TO_REGULAR_CARE);

	private final FollowUpRepository repository;

	private final InterventionCatalogue catalogue;

	private final RetentionSchedule retention;

	private final CaseFileService cases;

	FollowUps(FollowUpRepository repository, InterventionCatalogue catalogue, RetentionSchedule retention,
			CaseFileService cases) {
		this.repository = repository;
		this.catalogue = catalogue;
		this.retention = retention;
		this.cases = cases;
	}

	/** Whether a closed case is still followed up: closed after its plan. */
	static boolean followedUpAfterClosure(CaseFacts facts) {
		return !facts.open() && !facts.declined() && facts.closeReason() != null
				&& FOLLOWED_UP_AFTER_CLOSURE.contains(facts.closeReason());
	}

	/**
	 * Until when a case's moments stay due: without end while it is open (empty), until
	 * its erasure date once closed after its plan; a case closed otherwise has no moment
	 * due any more ({@link LocalDate#MIN}).
	 */
	Optional<LocalDate> dueUntil(CaseFacts facts) {
		if (facts.open()) {
			return Optional.empty();
		}
		if (!followedUpAfterClosure(facts)) {
			return Optional.of(LocalDate.MIN);
		}
		return Optional.of(this.retention.erasureDateOf(facts.id().value()).orElse(LocalDate.MIN));
	}

	/** Whether this moment of this case is still to be followed up. */
	boolean stillDue(FollowUp moment, CaseFacts facts) {
		return moment.doneAt() == null && moment.cancelledOn() == null
				&& dueUntil(facts).map((until) -> moment.dueOn().isBefore(until)).orElse(true);
	}

	/**
	 * Whether the organisation may follow up this closed case today: it is closed after
	 * its plan and one of its moments, before the erasure date, is in reach.
	 */
	@Transactional(readOnly = true)
	boolean dueOnClosedCase(CaseFacts facts, String organisation, LocalDate today) {
		if (facts.open() || !followedUpAfterClosure(facts)) {
			return false;
		}
		return this.repository
			.findByCaseIdAndResponsibleOrganisationAndDoneAtIsNullAndCancelledOnIsNullAndDueOnLessThanEqualOrderByDueOnAsc(
					facts.id().value(), organisation, today.plusDays(WINDOW_DAYS))
			.stream()
			.anyMatch((moment) -> stillDue(moment, facts));
	}

	/**
	 * Cancels the open moments of cases closed after their plan that fall on or after the
	 * case's erasure date: they are not kept. Answers how many.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int cancelAfterErasureDates(LocalDate today) {
		Map<UUID, Optional<CaseFacts>> facts = new HashMap<>();
		int cancelled = 0;
		for (FollowUp moment : this.repository.openOfClosedCases()) {
			Optional<CaseFacts> of = facts.computeIfAbsent(moment.caseId(), (id) -> this.cases.facts(new CaseId(id)));
			if (of.isEmpty() || !followedUpAfterClosure(of.get())) {
				continue;
			}
			Optional<LocalDate> until = this.retention.erasureDateOf(moment.caseId());
			if (until.isPresent() && !moment.dueOn().isBefore(until.get())) {
				moment.cancel(today, "after the case's erasure date " + until.get());
				cancelled++;
			}
		}
		return cancelled;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	List<FollowUp> schedule(UUID caseInterventionId, UUID caseId, LocalDate startedOn, String responsible) {
		return this.repository.saveAll(this.catalogue.followUpMonths()
			.stream()
			.map((months) -> new FollowUp(caseInterventionId, caseId, months, startedOn, responsible))
			.toList());
	}

	/**
	 * The responsible organisation followed up on the case: its earliest moment in reach
	 * is done.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void markDone(UUID caseId, String organisation, LocalDate today, Instant at) {
		this.repository
			.findByCaseIdAndResponsibleOrganisationAndDoneAtIsNullAndCancelledOnIsNullAndDueOnLessThanEqualOrderByDueOnAsc(
					caseId, organisation, today.plusDays(WINDOW_DAYS))
			.stream()
			.findFirst()
			.ifPresent((f) -> f.done(at));
	}

	/** The follow-up page's moment is done. */
	@Transactional(propagation = Propagation.MANDATORY)
	void markDone(UUID momentId, Instant at) {
		this.repository.findById(momentId).filter((f) -> f.doneAt() == null).ifPresent((f) -> f.done(at));
	}

	/** A moment of this case, whatever its state. */
	Optional<FollowUp> ofCase(UUID momentId, CaseFacts facts) {
		return this.repository.findById(momentId).filter((moment) -> moment.caseId().equals(facts.id().value()));
	}

	/** An outcome ends the intervention: every moment due by then is done. */
	@Transactional(propagation = Propagation.MANDATORY)
	void outcomeRecorded(UUID caseInterventionId, LocalDate today, Instant at) {
		this.repository
			.findByCaseInterventionIdAndDoneAtIsNullAndCancelledOnIsNullAndDueOnLessThanEqualOrderByDueOnAsc(
					caseInterventionId, today.plusDays(WINDOW_DAYS))
			.forEach((f) -> f.done(at));
	}

	List<FollowUp> open(java.util.Collection<UUID> caseIds) {
		return caseIds.isEmpty() ? List.of()
				: this.repository.findByCaseIdInAndDoneAtIsNullAndCancelledOnIsNullOrderByDueOnAsc(caseIds);
	}

	List<FollowUp> openOfSafetyHouseDueBefore(UUID house, LocalDate before) {
		return this.repository.openOfSafetyHouseDueBefore(house, before);
	}

	/** Open moments one organisation is responsible for, due before the date. */
	List<FollowUp> openOfOrganisationDueBefore(String organisation, LocalDate before) {
		return this.repository
			.findByResponsibleOrganisationAndDoneAtIsNullAndCancelledOnIsNullAndDueOnLessThanOrderByDueOnAscIdAsc(
					organisation, before);
	}

	/**
	 * One moment of one case, when it is still to be followed up and in reach today: due
	 * within {@link #WINDOW_DAYS} days, or overdue.
	 */
	@Transactional(readOnly = true)
	Optional<FollowUp> inReach(UUID momentId, CaseFacts facts, LocalDate today) {
		return this.repository.findById(momentId)
			.filter((moment) -> moment.caseId().equals(facts.id().value()))
			.filter((moment) -> !moment.dueOn().isAfter(today.plusDays(WINDOW_DAYS)))
			.filter((moment) -> stillDue(moment, facts));
	}

	/**
	 * Open moments of every case, due on or before the date: who is to be reminded of
	 * them.
	 */
	List<FollowUp> openDueBy(LocalDate dueBy) {
		return this.repository.findByDoneAtIsNullAndCancelledOnIsNullAndDueOnLessThanEqualOrderByDueOnAsc(dueBy);
	}

	List<FollowUp> cancelledOfSafetyHouse(UUID house) {
		return this.repository.cancelledOfSafetyHouse(house);
	}

	List<FollowUp> of(UUID caseInterventionId) {
		return this.repository.findByCaseInterventionIdOrderByDueOnAsc(caseInterventionId);
	}

}
