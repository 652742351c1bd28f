package nl.schakel.assessment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseInterventions extends JpaRepository<CaseIntervention, UUID> {

	List<CaseIntervention> findByCaseIdOrderByCreatedAtAscIdAsc(UUID caseId);

	Optional<CaseIntervention> findByIdAndCaseId(UUID id, UUID caseId);

	/**
	 * Every intervention chosen for a case that is not erased: an erased case drops out
	 * of evaluation.
	 */
	@Query(nativeQuery = true, value = """
			select i.* from case_intervention i
			 where not exists (select 1 from case_key k where k.case_id = i.case_id and k.destroyed_at is not null)""")
	List<CaseIntervention> findAllOfCasesNotErased();

}
