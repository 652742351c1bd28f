package nl.schakel.policy;

import java.util.Objects;
import java.util.Optional;

import nl.schakel.organisation.Domain;
import nl.schakel.security.Role;

/**
 * A role as described in {@code roles.yaml}.
 *
 * @param role the role
 * @param domain the domain its holders work in; empty for roles outside case work
 * (auditor, administrator)
 * @param labelNl Dutch label
 * @param labelEn English label
 */
public record RoleDefinition(Role role, Optional<Domain> domain, String labelNl, String labelEn) {

	public RoleDefinition {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(domain, "domain");
		Objects.requireNonNull(labelNl, "labelNl");
		Objects.requireNonNull(labelEn, "labelEn");
	}

}
