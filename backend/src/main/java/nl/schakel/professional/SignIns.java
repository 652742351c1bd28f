package nl.schakel.professional;

import java.util.Map;

import nl.schakel.security.Actor;
import nl.schakel.security.ActorPrincipal;
import nl.schakel.security.DatabaseReachability;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * At every successful login keeps the name, organisation and e-mail the identity provider
 * states ({@code name}, {@code given_name}, {@code family_name}, {@code email}) in the
 * {@link ProfessionalDirectory}, so a renamed or moved professional is shown as they are
 * now.
 */
@Component
class SignIns {

	private final ProfessionalDirectory directory;

	SignIns(ProfessionalDirectory directory) {
		this.directory = directory;
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		Actor actor = actorOf(authentication);
		if (actor == null) {
			return;
		}
		// while the database is unreachable the name is kept at the next sign-in; the
		// request
		// itself meets the outage and gets 503
		DatabaseReachability.attempt(() -> {
			this.directory.remember(professional(actor, claimsOf(authentication)));
			return true;
		}, () -> false);
	}

	static Professional professional(Actor actor, Map<String, Object> claims) {
		String given = text(claims.get("given_name"));
		String family = text(claims.get("family_name"));
		String name = text(claims.get("name"));
		if (name == null && given != null && family != null) {
			name = given + " " + family;
		}
		if (name == null) {
			name = actor.displayName();
		}
		return new Professional(actor.username(), name, given, family, text(claims.get("email")), actor.organisation());
	}

	private static Actor actorOf(Authentication authentication) {
		if (authentication instanceof ActorPrincipal principal) {
			return principal.actor();
		}
		return (authentication.getPrincipal() instanceof ActorPrincipal principal) ? principal.actor() : null;
	}

	private static Map<String, Object> claimsOf(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken token) {
			return token.getTokenAttributes();
		}
		if (authentication.getPrincipal() instanceof OidcUser user) {
			return user.getClaims();
		}
		return Map.of();
	}

	private static String text(Object claim) {
		return (claim instanceof String text && !text.isBlank()) ? text.strip() : null;
	}

}
