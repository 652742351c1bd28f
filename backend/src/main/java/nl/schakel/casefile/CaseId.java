package nl.schakel.casefile;

import java.util.Objects;
import java.util.UUID;

public record CaseId(UUID value) {

	public CaseId {
		Objects.requireNonNull(value, "value");
	}

}
