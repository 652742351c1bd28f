package nl.schakel.assessment;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface InterventionNotes extends JpaRepository<InterventionNote, UUID> {

	List<InterventionNote> findByInterventionCodeOrderByCreatedAtDesc(String interventionCode);

}
