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

	/**
	 * A holder's consents that someone else (the coordinator) withdrew after this moment,
	 * newest first.
	 */
	List<Consent> findByOrganisationAndWithdrawnByOrganisationNotAndWithdrawalRecordedAtAfterOrderByWithdrawalRecordedAtDesc(
			String organisation, String withdrawnByOrganisation, java.time.Instant after);

}
