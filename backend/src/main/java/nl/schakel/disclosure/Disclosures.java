package nl.schakel.disclosure;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/** The disclosure log. Insert and read only: the database refuses anything else. */
interface Disclosures extends Repository<Disclosure, UUID> {

	<S extends Disclosure> List<S> saveAll(Iterable<S> disclosures);

	void flush();

}
