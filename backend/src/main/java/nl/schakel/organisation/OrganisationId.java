package nl.schakel.organisation;

import java.util.Objects;
import java.util.UUID;

public record OrganisationId(UUID value) {

	public OrganisationId {
		Objects.requireNonNull(value, "value");
	}

}
