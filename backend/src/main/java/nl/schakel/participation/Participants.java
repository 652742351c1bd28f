package nl.schakel.participation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface Participants extends Repository<Participant, UUID> {

	List<Participant> findByCaseIdOrderByAdmittedAtAsc(UUID caseId);

	Optional<Participant> findById(UUID id);

	/** An organisation's admissions not removed, for its professionals' own case list. */
	List<Participant> findByOrganisationCodeAndRemovedAtIsNull(String organisationCode);

	Participant save(Participant participant);

}
