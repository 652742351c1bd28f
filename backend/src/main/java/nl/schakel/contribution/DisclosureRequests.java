package nl.schakel.contribution;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface DisclosureRequests extends Repository<DisclosureRequest, UUID> {

	Optional<DisclosureRequest> findById(UUID id);

	List<DisclosureRequest> findByCaseIdAndState(UUID caseId, DisclosureRequest.State state);

	List<DisclosureRequest> findByRequesterOrderByRequestedAtDesc(String requester);

	List<DisclosureRequest> findByContributionIdInOrderByRequestedAtDesc(Collection<UUID> contributionIds);

	List<DisclosureRequest> findByStateAndDueLessThanEqual(DisclosureRequest.State state, java.time.LocalDate due);

	DisclosureRequest save(DisclosureRequest request);

}
