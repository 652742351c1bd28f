package nl.schakel.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * An API call authenticated by a Keycloak bearer token, carrying the {@link Actor} it
 * names.
 */
final class ApiAuthentication extends JwtAuthenticationToken implements ActorPrincipal {

	private static final long serialVersionUID = 1L;

	private final Actor actor;

	ApiAuthentication(Jwt jwt, Actor actor, Collection<? extends GrantedAuthority> authorities) {
		super(jwt, authorities, actor.username());
		this.actor = actor;
	}

	@Override
	public Actor actor() {
		return this.actor;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other) && other instanceof ApiAuthentication that && this.actor.equals(that.actor);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
