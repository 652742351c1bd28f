package nl.schakel.casefile;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CaseFiles extends Repository<CaseFile, UUID> {

	Optional<CaseFile> findById(UUID id);

	CaseFile save(CaseFile caseFile);

	List<CaseFile> findByPersonIdAndStatusNot(UUID personId, CaseStatus status);

	@Query(value = "select nextval('case_reference_seq')", nativeQuery = true)
	long nextReferenceNumber();

	/** Newest first; keyset pagination on the reference number. */
	List<CaseFile> findByReferenceNumberLessThanOrderByReferenceNumberDesc(long before, Limit limit);

	/** One safety house's cases, newest first; keyset pagination on the reference number. */
	List<CaseFile> findByOrganisationIdAndReferenceNumberLessThanOrderByReferenceNumberDesc(UUID safetyHouse,
			long before, Limit limit);

}
