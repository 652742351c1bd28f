package nl.schakel.security;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * The person acting: the same record whichever identity provider authenticated them, so no
 * feature code knows whether a demo account or Keycloak is in use.
 *
 * @param username the stable login name
 * @param displayName the name shown to other users
 * @param organisation the code of the organisation the user works for
 * @param roles the user's realm roles
 */
// Serializable: it lives in the HTTP session inside the OIDC login's principal
public record Actor(String username, String displayName, String organisation, Set<Role> roles)
		implements Serializable {

	public Actor {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(organisation, "organisation");
		roles = Set.copyOf(roles);
		displayName = (displayName == null || displayName.isBlank()) ? username : displayName;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
