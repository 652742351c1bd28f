package nl.schakel.plan;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActionNotes extends JpaRepository<ActionNote, UUID> {

	List<ActionNote> findByCaseIdOrderByCreatedAtAsc(UUID caseId);

}
