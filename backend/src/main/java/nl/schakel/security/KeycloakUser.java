package nl.schakel.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A user logged in to the UI through Keycloak: the OIDC user Spring Security needs for
 * logout (its ID token) and the {@link Actor} the rest of Schakel works with.
 */
final class KeycloakUser extends DefaultOidcUser implements ActorPrincipal {

	private static final long serialVersionUID = 1L;

	private final Actor actor;

	KeycloakUser(Actor actor, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
			OidcUserInfo userInfo) {
		super(authorities, idToken, userInfo, "preferred_username");
		this.actor = actor;
	}

	@Override
	public Actor actor() {
		return this.actor;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other) && other instanceof KeycloakUser user && this.actor.equals(user.actor);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
