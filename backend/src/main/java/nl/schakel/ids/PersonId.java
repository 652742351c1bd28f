package nl.schakel.ids;

import java.util.Objects;
import java.util.UUID;

/** A person of concern, by their id. */
public record PersonId(UUID value) {

	public PersonId {
		Objects.requireNonNull(value, "value");
	}

}
