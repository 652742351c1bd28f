package nl.schakel.policy;

import java.util.Objects;

/**
 * A purpose as described in {@code purposes.yaml}.
 *
 * @param purpose the purpose
 * @param labelNl Dutch label, shown first in the UI
 * @param labelEn English label
 * @param description what the purpose allows, for users and the privacy officer
 */
public record PurposeDefinition(Purpose purpose, String labelNl, String labelEn, String description) {

	public PurposeDefinition {
		Objects.requireNonNull(purpose, "purpose");
		Objects.requireNonNull(labelNl, "labelNl");
		Objects.requireNonNull(labelEn, "labelEn");
		Objects.requireNonNull(description, "description");
	}

}
