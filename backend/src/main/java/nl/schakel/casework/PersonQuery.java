package nl.schakel.casework;

import java.time.LocalDate;
import java.util.Optional;

import nl.schakel.person.Bsn;

/** A known-to search: by BSN, or by name and date of birth. */
public record PersonQuery(Optional<Bsn> bsn, String name, LocalDate dateOfBirth) {

	@Override
	public String toString() {
		return "PersonQuery[...]";
	}

}
