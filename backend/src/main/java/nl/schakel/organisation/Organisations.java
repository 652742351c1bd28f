package nl.schakel.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * The partner organisations. Read-mostly: organisations are managed, not created per
 * case.
 */
public interface Organisations extends Repository<Organisation, UUID> {

	Optional<Organisation> findByCode(String code);

	Optional<Organisation> findById(UUID id);

	List<Organisation> findAllByOrderByNameAsc();

	Organisation save(Organisation organisation);

}
