package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FollowUpRepository extends JpaRepository<FollowUp, UUID> {

	List<FollowUp> findByCaseIdAndResponsibleOrganisationAndDoneAtIsNullAndCancelledOnIsNullAndDueOnLessThanEqualOrderByDueOnAsc(
			UUID caseId, String organisation, LocalDate dueBy);

	List<FollowUp> findByCaseInterventionIdAndDoneAtIsNullAndCancelledOnIsNullAndDueOnLessThanEqualOrderByDueOnAsc(
			UUID caseInterventionId, LocalDate dueBy);

	List<FollowUp> findByCaseIdInAndDoneAtIsNullAndCancelledOnIsNullOrderByDueOnAsc(Collection<UUID> caseIds);

	List<FollowUp> findByCaseInterventionIdOrderByDueOnAsc(UUID caseInterventionId);

	List<FollowUp> findByDoneAtIsNullAndCancelledOnIsNullAndDueOnLessThanEqualOrderByDueOnAsc(LocalDate dueBy);

	/** Open moments one organisation is responsible for, due before the date. */
	List<FollowUp> findByResponsibleOrganisationAndDoneAtIsNullAndCancelledOnIsNullAndDueOnLessThanOrderByDueOnAscIdAsc(
			String organisation, LocalDate before);

	/** Open moments of the cases one safety house steers, due before the date. */
	@Query(value = "select f.* from follow_up f join case_file c on c.id = f.case_id"
			+ " where c.organisation_id = :house and f.done_at is null and f.cancelled_on is null"
			+ " and f.due_on < :before order by f.due_on, f.id", nativeQuery = true)
	List<FollowUp> openOfSafetyHouseDueBefore(@Param("house") UUID house, @Param("before") LocalDate before);

	/** Moments of the cases one safety house steers that were cancelled, latest first. */
	@Query(value = "select f.* from follow_up f join case_file c on c.id = f.case_id"
			+ " where c.organisation_id = :house and f.cancelled_on is not null"
			+ " order by f.cancelled_on desc, f.due_on, f.id limit 200", nativeQuery = true)
	List<FollowUp> cancelledOfSafetyHouse(@Param("house") UUID house);

	/** Open moments of closed cases: kept until the case's erasure date, or cancelled. */
	@Query(value = "select f.* from follow_up f join case_file c on c.id = f.case_id"
			+ " where c.status = 'CLOSED' and f.done_at is null and f.cancelled_on is null"
			+ " order by f.case_id, f.due_on", nativeQuery = true)
	List<FollowUp> openOfClosedCases();

}
