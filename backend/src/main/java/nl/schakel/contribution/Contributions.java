package nl.schakel.contribution;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface Contributions extends Repository<Contribution, UUID> {

	List<Contribution> findByCaseIdOrderByCreatedAtAsc(UUID caseId);

	Optional<Contribution> findById(UUID id);

	List<Contribution> findByAuthor(String author);

	List<Contribution> findAllByIdIn(java.util.Collection<UUID> ids);

	long countByCaseIdAndCreatedAtAfterAndAuthorOrganisationNot(UUID caseId, java.time.Instant after,
			String organisation);

	Contribution save(Contribution contribution);

}
