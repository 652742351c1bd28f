package nl.schakel.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The login of an account with several roles, narrowed for one request to the role it
 * acts in: its actor holds that role only, and so do its authorities, so URL rules,
 * method security and the disclosure gate all decide for that one role. Lives for the
 * request only; the session keeps the login as it was.
 */
final class ActingAuthentication extends AbstractAuthenticationToken implements ActorPrincipal {

	private static final long serialVersionUID = 1L;

	private final Authentication login;

	private final Actor account;

	private final Actor actor;

	ActingAuthentication(Authentication login, Actor account, Role role) {
		super(authorities(login, role));
		this.login = login;
		this.account = account;
		this.actor = account.actingAs(role);
		setDetails(login.getDetails());
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authorities(Authentication login, Role role) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (GrantedAuthority authority : login.getAuthorities()) {
			// other roles go; what is not a role (e.g. how the user authenticated) stays
			if (authority.getAuthority() == null || !authority.getAuthority().startsWith("ROLE_")) {
				authorities.add(authority);
			}
		}
		authorities.add(new SimpleGrantedAuthority(role.authority()));
		return authorities;
	}

	@Override
	public Actor actor() {
		return this.actor;
	}

	/** The account as it logged in, with all its roles. */
	Actor account() {
		return this.account;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.login.getPrincipal();
	}

	@Override
	public String getName() {
		return this.login.getName();
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other) && other instanceof ActingAuthentication that && this.actor.equals(that.actor);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
