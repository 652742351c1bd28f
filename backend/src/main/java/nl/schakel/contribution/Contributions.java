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

	Contribution save(Contribution contribution);

}
