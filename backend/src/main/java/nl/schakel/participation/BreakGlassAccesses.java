package nl.schakel.participation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface BreakGlassAccesses extends Repository<BreakGlassAccess, UUID> {

	List<BreakGlassAccess> findByCaseIdAndActor(UUID caseId, String actor);

	BreakGlassAccess save(BreakGlassAccess access);

	long countByActorAndOpenedAtAfter(String actor, java.time.Instant since);

	java.util.Optional<BreakGlassAccess> findFirstByActorAndOpenedAtAfterOrderByOpenedAtAsc(String actor,
			java.time.Instant since);

}
