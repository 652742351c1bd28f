package nl.schakel.contribution;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Contributions extends Repository<Contribution, UUID> {

	List<Contribution> findByCaseIdOrderByCreatedAtAsc(UUID caseId);

	/** The newest contributions of a case, newest first. */
	List<Contribution> findByCaseIdOrderByCreatedAtDescIdDesc(UUID caseId, Limit limit);

	/** The contributions of a case older than a timeline cursor, newest first. */
	@Query("""
			select c from Contribution c where c.caseId = :caseId
			and (c.createdAt < :createdAt or (c.createdAt = :createdAt and c.id < :id))
			order by c.createdAt desc, c.id desc""")
	List<Contribution> findOlder(UUID caseId, java.time.Instant createdAt, UUID id, Limit limit);

	Optional<Contribution> findById(UUID id);

	List<Contribution> findByAuthor(String author);

	List<Contribution> findAllByIdIn(java.util.Collection<UUID> ids);

	long countByCaseIdAndCreatedAtAfterAndAuthorOrganisationNot(UUID caseId, java.time.Instant after,
			String organisation);

	Contribution save(Contribution contribution);

}
