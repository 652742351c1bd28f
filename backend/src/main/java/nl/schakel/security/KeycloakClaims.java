package nl.schakel.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@link Actor} from the claims of a Keycloak access token: the username from
 * {@code preferred_username}, the organisation from the {@code organisation} claim and
 * the roles from {@code realm_access.roles}. Roles Schakel does not know
 * ({@code offline_access}, {@code default-roles-schakel}, ...) are ignored. A token
 * without an organisation names no actor: Schakel decides everything by organisation, so
 * it refuses rather than guesses.
 */
final class KeycloakClaims {

	static final String ORGANISATION = "organisation";

	private KeycloakClaims() {
	}

	static Actor actor(Map<String, Object> claims) {
		String username = text(claims, "preferred_username").or(() -> text(claims, "sub"))
			.orElseThrow(() -> new MissingClaim("preferred_username"));
		String organisation = text(claims, ORGANISATION).orElseThrow(() -> new MissingClaim(ORGANISATION));
		return new Actor(username, text(claims, "name").orElse(username), organisation, roles(claims));
	}

	static Set<Role> roles(Map<String, Object> claims) {
		Set<Role> roles = new LinkedHashSet<>();
		if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
				&& realmAccess.get("roles") instanceof Collection<?> codes) {
			for (Object code : codes) {
				if (code instanceof String text) {
					Role.fromCode(text).ifPresent(roles::add);
				}
			}
		}
		return roles;
	}

	static boolean isText(Object claim) {
		return claim instanceof String text && !text.isBlank();
	}

	private static Optional<String> text(Map<String, Object> claims, String name) {
		Object value = claims.get(name);
		return isText(value) ? Optional.of(((String) value).strip()) : Optional.empty();
	}

	/** A token that lacks a claim Schakel cannot do without. */
	static final class MissingClaim extends RuntimeException {

		private final String claim;

		MissingClaim(String claim) {
			super("The token has no " + claim + " claim");
			this.claim = claim;
		}

		String claim() {
			return this.claim;
		}

	}

}
