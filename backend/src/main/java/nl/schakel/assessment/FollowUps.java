package nl.schakel.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up schedule: moments {@code follow-up-months} after an intervention starts
 * (policy default 3, 6, 12 and 24). A moment counts as done when its responsible
 * organisation records a follow-up assessment or the outcome from {@link #WINDOW_DAYS}
 * days before it is due.
 */
@Service
class FollowUps {

	/** How early a follow-up may be recorded and still count for its moment. */
	static final int WINDOW_DAYS = 14;

	private final FollowUpRepository repository;

	private final InterventionCatalogue catalogue;

	FollowUps(FollowUpRepository repository, InterventionCatalogue catalogue) {
		this.repository = repository;
		this.catalogue = catalogue;
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
			.findByCaseIdAndResponsibleOrganisationAndDoneAtIsNullAndDueOnLessThanEqualOrderByDueOnAsc(caseId,
					organisation, today.plusDays(WINDOW_DAYS))
			.stream()
			.findFirst()
			.ifPresent((f) -> f.done(at));
	}

	/** An outcome ends the intervention: every moment due by then is done. */
	@Transactional(propagation = Propagation.MANDATORY)
	void outcomeRecorded(UUID caseInterventionId, LocalDate today, Instant at) {
		this.repository
			.findByCaseInterventionIdAndDoneAtIsNullAndDueOnLessThanEqualOrderByDueOnAsc(caseInterventionId,
					today.plusDays(WINDOW_DAYS))
			.forEach((f) -> f.done(at));
	}

	List<FollowUp> open(java.util.Collection<UUID> caseIds) {
		return caseIds.isEmpty() ? List.of() : this.repository.findByCaseIdInAndDoneAtIsNullOrderByDueOnAsc(caseIds);
	}

	List<FollowUp> openOfSafetyHouseDueBefore(UUID house, LocalDate before) {
		return this.repository.openOfSafetyHouseDueBefore(house, before);
	}

	/**
	 * Open moments of every case, due on or before the date: who is to be reminded of
	 * them.
	 */
	List<FollowUp> openDueBy(LocalDate dueBy) {
		return this.repository.findByDoneAtIsNullAndDueOnLessThanEqualOrderByDueOnAsc(dueBy);
	}

	List<FollowUp> of(UUID caseInterventionId) {
		return this.repository.findByCaseInterventionIdOrderByDueOnAsc(caseInterventionId);
	}

}
