package nl.schakel.security;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The accounts and roles the identity provider reports, for the administrator to read.
 * With demo accounts that is the fixed list; with Keycloak the accounts live in Keycloak,
 * and its admin console is where they are read and changed.
 */
public interface AccountDirectory {

	/**
	 * The accounts known here, by name; empty when only the identity provider knows them.
	 */
	List<Actor> accounts();

	/** Where accounts and roles are managed, if elsewhere. */
	Optional<URI> console();

}
