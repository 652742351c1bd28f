package nl.schakel.consent;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface Consents extends Repository<Consent, UUID> {

	Optional<Consent> findById(UUID id);

	List<Consent> findByCaseIdOrderByRecordedAtAsc(UUID caseId);

	List<Consent> findAllByIdIn(java.util.Collection<UUID> ids);

	Consent save(Consent consent);

}
