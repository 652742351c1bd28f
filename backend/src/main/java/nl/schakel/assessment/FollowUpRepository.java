package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FollowUpRepository extends JpaRepository<FollowUp, UUID> {

	List<FollowUp> findByCaseIdAndResponsibleOrganisationAndDoneAtIsNullAndDueOnLessThanEqualOrderByDueOnAsc(
			UUID caseId, String organisation, LocalDate dueBy);

	List<FollowUp> findByCaseInterventionIdAndDoneAtIsNullAndDueOnLessThanEqualOrderByDueOnAsc(UUID caseInterventionId,
			LocalDate dueBy);

	List<FollowUp> findByCaseIdInAndDoneAtIsNullOrderByDueOnAsc(Collection<UUID> caseIds);

	List<FollowUp> findByCaseInterventionIdOrderByDueOnAsc(UUID caseInterventionId);

	List<FollowUp> findByDoneAtIsNullAndDueOnLessThanEqualOrderByDueOnAsc(LocalDate dueBy);

	/** Open moments of the cases one safety house steers, due before the date. */
	@Query(value = "select f.* from follow_up f join case_file c on c.id = f.case_id"
			+ " where c.organisation_id = :house and f.done_at is null and f.due_on < :before"
			+ " order by f.due_on, f.id", nativeQuery = true)
	List<FollowUp> openOfSafetyHouseDueBefore(@Param("house") UUID house, @Param("before") LocalDate before);

}
