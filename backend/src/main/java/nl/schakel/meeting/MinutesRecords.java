package nl.schakel.meeting;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MinutesRecords extends JpaRepository<Minutes, UUID> {

	List<Minutes> findByCaseIdOrderByCreatedAtAsc(UUID caseId);

}
