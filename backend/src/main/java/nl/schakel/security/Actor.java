package nl.schakel.security;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The person acting: the same record whichever identity provider authenticated them, so
 * no feature code knows whether a demo account or Keycloak is in use.
 *
 * @param username the stable login name
 * @param displayName the name shown to other users
 * @param organisation the code of the organisation the user works for
 * @param roles the user's realm roles; it acts under one of them at a time
 */
// Serializable: it lives in the HTTP session inside the OIDC login's principal
public record Actor(String username, String displayName, String organisation, Set<Role> roles) implements Serializable {

	public Actor {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(organisation, "organisation");
		roles = Set.copyOf(roles);
		displayName = (displayName == null || displayName.isBlank()) ? username : displayName;
	}

	/**
	 * Whether the actor acts under this role. An account with several roles acts under
	 * one at a time ({@link ActingRole}); until one is chosen it acts under none, so this
	 * answers no rather than give the union of what each role may.
	 */
	public boolean has(Role role) {
		return actingRole().filter(role::equals).isPresent();
	}

	/**
	 * The one role the actor acts under; empty for an account with several roles that
	 * chose none.
	 */
	public Optional<Role> actingRole() {
		return (this.roles.size() == 1) ? Optional.of(this.roles.iterator().next()) : Optional.empty();
	}

	/** This account acting under one of its roles. */
	public Actor actingAs(Role role) {
		if (!this.roles.contains(role)) {
			throw new IllegalArgumentException("Not a role of " + this.username + ": " + role.code());
		}
		return new Actor(this.username, this.displayName, this.organisation, Set.of(role));
	}

}
