package nl.schakel.assessment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A practitioner's note on an intervention of the catalogue: what worked, for whom, under
 * what circumstances. It belongs to the intervention, never to a case, and carries no
 * personal data of a person concerned. Only its author corrects or deletes it
 * ({@link PractitionerNotes}).
 */
@Entity
@Table(name = "intervention_note")
class InterventionNote {

	@Id
	private UUID id;

	private String interventionCode;

	private String organisation;

	private String author;

	private String whatWorked;

	private String forWhom;

	private String circumstances;

	private Instant createdAt;

	private Instant correctedAt;

	protected InterventionNote() {
	}

	InterventionNote(String interventionCode, String organisation, String author, String whatWorked, String forWhom,
			String circumstances, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.interventionCode = interventionCode;
		this.organisation = organisation;
		this.author = author;
		this.whatWorked = whatWorked;
		this.forWhom = forWhom;
		this.circumstances = circumstances;
		this.createdAt = createdAt;
	}

	public UUID id() {
		return this.id;
	}

	public String interventionCode() {
		return this.interventionCode;
	}

	public String organisation() {
		return this.organisation;
	}

	public String whatWorked() {
		return this.whatWorked;
	}

	public String forWhom() {
		return this.forWhom;
	}

	public String circumstances() {
		return this.circumstances;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	/** When its author last corrected it, or {@code null}. */
	public Instant correctedAt() {
		return this.correctedAt;
	}

	public String author() {
		return this.author;
	}

	/** Whether this actor wrote it: the same account of the same organisation. */
	boolean isBy(nl.schakel.security.Actor actor) {
		return this.author.equals(actor.username()) && this.organisation.equals(actor.organisation());
	}

}
