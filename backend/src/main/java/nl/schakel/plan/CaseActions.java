package nl.schakel.plan;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseActions extends JpaRepository<CaseAction, UUID> {

	List<CaseAction> findByCaseIdOrderByDueAscAssignedAtAsc(UUID caseId);

	List<CaseAction> findByCaseIdInOrderByDueAsc(Collection<UUID> caseIds);

	List<CaseAction> findByOrganisationAndStatusInOrderByDueAsc(String organisation, Collection<ActionStatus> statuses);

	List<CaseAction> findByStatusInAndDueBeforeOrderByDueAsc(Collection<ActionStatus> statuses,
			java.time.LocalDate day);

}
