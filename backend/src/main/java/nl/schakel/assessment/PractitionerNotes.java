package nl.schakel.assessment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import nl.schakel.security.Actor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practitioners' notes on the interventions of the catalogue: read by all, added by
 * professionals and coordinators, corrected or deleted by their author only. A note names
 * no case and no person, so the erasure of a case or a person cannot reach it; its author
 * can. A correction keeps the replaced text only in {@code intervention_note_history}
 * (auditors); a deletion removes the note and blanks its earlier texts there as well.
 */
@Service
class PractitionerNotes {

	private final InterventionNotes notes;

	private final JdbcTemplate jdbc;

	PractitionerNotes(InterventionNotes notes, JdbcTemplate jdbc) {
		this.notes = notes;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<InterventionNote> of(String interventionCode) {
		return this.notes.findByInterventionCodeOrderByCreatedAtDesc(interventionCode);
	}

	@Transactional
	void post(InterventionNote note) {
		this.notes.save(note);
	}

	/**
	 * Replaces the text of the author's own note; the old text goes to the history only.
	 * @throws NoteNotFound if there is no such note on this intervention
	 * @throws AccessDeniedException if the note is someone else's
	 */
	@Transactional
	void correct(Actor author, String interventionCode, UUID noteId, String whatWorked, String forWhom,
			String circumstances, Instant now) {
		InterventionNote note = ownNote(author, interventionCode, noteId);
		record(note.id(), "CORRECTED", note.whatWorked(), note.forWhom(), note.circumstances(), author, now);
		// plain SQL: the application may update exactly these columns of a note
		this.jdbc.update(
				"update intervention_note set what_worked = ?, for_whom = ?, circumstances = ?, corrected_at = ? "
						+ "where id = ?",
				whatWorked, forWhom, circumstances, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), noteId);
	}

	/**
	 * Deletes the author's own note and blanks its earlier texts in the history; who
	 * deleted it when stays.
	 * @throws NoteNotFound if there is no such note on this intervention
	 * @throws AccessDeniedException if the note is someone else's
	 */
	@Transactional
	void delete(Actor author, String interventionCode, UUID noteId, Instant now) {
		ownNote(author, interventionCode, noteId);
		this.jdbc.update("update intervention_note_history set what_worked = null, for_whom = null, "
				+ "circumstances = null where note_id = ?", noteId);
		record(noteId, "DELETED", null, null, null, author, now);
		this.jdbc.update("delete from intervention_note where id = ?", noteId);
	}

	private InterventionNote ownNote(Actor author, String interventionCode, UUID noteId) {
		InterventionNote note = this.notes.findById(noteId)
			.filter((n) -> n.interventionCode().equals(interventionCode))
			.orElseThrow(NoteNotFound::new);
		if (!note.isBy(author)) {
			throw new AccessDeniedException("Only its author corrects or deletes a note");
		}
		return note;
	}

	private void record(UUID noteId, String change, String whatWorked, String forWhom, String circumstances,
			Actor author, Instant now) {
		this.jdbc.update(
				"insert into intervention_note_history (id, note_id, change, what_worked, for_whom, circumstances, "
						+ "changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), noteId, change, whatWorked, forWhom, circumstances, author.username(),
				OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
	}

	/** No such note on this intervention. */
	static class NoteNotFound extends RuntimeException {

		NoteNotFound() {
			super("No such note on this intervention");
		}

	}

}
