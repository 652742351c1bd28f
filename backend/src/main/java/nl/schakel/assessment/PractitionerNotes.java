package nl.schakel.assessment;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practitioners' notes on the interventions of the catalogue: read by all, added, never
 * changed.
 */
@Service
class PractitionerNotes {

	private final InterventionNotes notes;

	PractitionerNotes(InterventionNotes notes) {
		this.notes = notes;
	}

	@Transactional(readOnly = true)
	List<InterventionNote> of(String interventionCode) {
		return this.notes.findByInterventionCodeOrderByCreatedAtDesc(interventionCode);
	}

	@Transactional
	void post(InterventionNote note) {
		this.notes.save(note);
	}

}
