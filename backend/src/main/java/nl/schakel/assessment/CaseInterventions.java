package nl.schakel.assessment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseInterventions extends JpaRepository<CaseIntervention, UUID> {

	List<CaseIntervention> findByCaseIdOrderByCreatedAtAscIdAsc(UUID caseId);

	Optional<CaseIntervention> findByIdAndCaseId(UUID id, UUID caseId);

}
