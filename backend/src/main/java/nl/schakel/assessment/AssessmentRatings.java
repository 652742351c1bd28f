package nl.schakel.assessment;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentRatings extends JpaRepository<AssessmentRating, UUID> {

	List<AssessmentRating> findByCaseIdOrderByCreatedAtAscIdAsc(UUID caseId);

}
