package nl.schakel.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor of the current request. Fails closed: code that needs an actor and finds none
 * gets an exception, never an anonymous default.
 */
public final class CurrentActor {

	private CurrentActor() {
	}

	public static Optional<Actor> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return Optional.empty();
		}
		// the authentication first: narrowed to the acting role, it keeps the login's
		// principal
		if (authentication instanceof ActorPrincipal principal) {
			return Optional.of(principal.actor());
		}
		if (authentication.getPrincipal() instanceof ActorPrincipal principal) {
			return Optional.of(principal.actor());
		}
		return Optional.empty();
	}

	public static Actor require() {
		return find().orElseThrow(() -> new IllegalStateException("No authenticated Schakel actor"));
	}

}
