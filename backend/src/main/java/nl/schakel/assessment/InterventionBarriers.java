package nl.schakel.assessment;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface InterventionBarriers extends JpaRepository<InterventionBarrier, UUID> {

	List<InterventionBarrier> findByCaseIdOrderByCreatedAtAscIdAsc(UUID caseId);

}
