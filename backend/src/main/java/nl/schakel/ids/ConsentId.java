package nl.schakel.ids;

import java.util.Objects;
import java.util.UUID;

/** A consent recorded on a case, by its id. */
public record ConsentId(UUID value) {

	public ConsentId {
		Objects.requireNonNull(value, "value");
	}

}
