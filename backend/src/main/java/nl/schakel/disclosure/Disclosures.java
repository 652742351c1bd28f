package nl.schakel.disclosure;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Repository;

/**
 * The disclosure log: one event and its items, written together. Insert only: the
 * database refuses anything else.
 */
@Repository
class Disclosures {

	private final EntityManager entities;

	Disclosures(EntityManager entities) {
		this.entities = entities;
	}

	/** Writes the event and its items in the current transaction, in one batch, now. */
	void record(DisclosureEvent event, List<Disclosure> items) {
		this.entities.persist(event);
		for (Disclosure item : items) {
			this.entities.persist(item);
		}
		this.entities.flush();
	}

}
