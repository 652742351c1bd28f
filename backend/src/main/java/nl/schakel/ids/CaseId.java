package nl.schakel.ids;

import java.util.Objects;
import java.util.UUID;

/** A case (casus), by its id. */
public record CaseId(UUID value) {

	public CaseId {
		Objects.requireNonNull(value, "value");
	}

}
