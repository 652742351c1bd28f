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

	/**
	 * One safety house's cases narrowed by a filter, newest first; keyset pagination on
	 * the reference number.
	 */
	@Query("select c from CaseFile c where c.organisationId = :safetyHouse and c.referenceNumber < :before"
			+ " and lower(c.reference) like :reference escape '!' and c.status in :statuses"
			+ " and c.caseType in :caseTypes and c.openedOn between :from and :until order by c.referenceNumber desc")
	List<CaseFile> search(UUID safetyHouse, long before, String reference, java.util.Collection<CaseStatus> statuses,
			java.util.Collection<CaseType> caseTypes, java.time.LocalDate from, java.time.LocalDate until, Limit limit);

	/** How many of one safety house's cases are in each status. */
	@Query("select c.status, count(c) from CaseFile c where c.organisationId = :safetyHouse group by c.status")
	List<Object[]> countByStatus(UUID safetyHouse);

	List<CaseFile> findAllByIdIn(java.util.Collection<UUID> ids);

	/**
	 * One safety house's cases, newest first; keyset pagination on the reference number.
	 */
	List<CaseFile> findByOrganisationIdAndReferenceNumberLessThanOrderByReferenceNumberDesc(UUID safetyHouse,
			long before, Limit limit);

}
