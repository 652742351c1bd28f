package nl.schakel.database;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import org.springframework.stereotype.Component;

/**
 * Marks what the current transaction loads from here on as read-only: Hibernate keeps no
 * snapshot of it and skips it in the flush's dirty check. For reads that write only new
 * rows (a case page writes its disclosure rows and changes nothing it loaded); a change
 * made to such an entity is not saved, so a method that updates what it loads must not
 * use this.
 */
@Component
public class ReadOnlyLoads {

	private final EntityManager entityManager;

	ReadOnlyLoads(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** From now until the transaction ends. Must be called inside a transaction. */
	public void fromHereOn() {
		this.entityManager.unwrap(Session.class).setDefaultReadOnly(true);
	}

}
