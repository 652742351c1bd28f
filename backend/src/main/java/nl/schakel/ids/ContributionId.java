package nl.schakel.ids;

import java.util.Objects;
import java.util.UUID;

/** A contribution (inbreng) to a case, by its id. */
public record ContributionId(UUID value) {

	public ContributionId {
		Objects.requireNonNull(value, "value");
	}

}
