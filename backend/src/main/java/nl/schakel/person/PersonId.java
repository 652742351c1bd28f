package nl.schakel.person;

import java.util.Objects;
import java.util.UUID;

public record PersonId(UUID value) {

	public PersonId {
		Objects.requireNonNull(value, "value");
	}

}
