package nl.schakel.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeycloakClaimsTest {

	@Test
	void anAccessTokenNamesTheSameActorAsADemoAccountWould() {
		Actor actor = KeycloakClaims
			.actor(TestTokens.apiClaims("http://issuer", "coordinator", "zvh-midden", "coordinator"));

		assertThat(actor.username()).isEqualTo("coordinator");
		assertThat(actor.displayName()).isEqualTo("coordinator (test)");
		assertThat(actor.organisation()).isEqualTo("zvh-midden");
		assertThat(actor.roles()).containsExactly(Role.COORDINATOR);
	}

	@Test
	void rolesComeFromRealmAccessAndUnknownRolesAreIgnored() {
		Map<String, Object> claims = Map.of("preferred_username", "ggz", "organisation", "ggz-midden", "realm_access",
				Map.of("roles", List.of("offline_access", "care-professional", "uma_authorization", "auditor",
						"default-roles-schakel", "Coordinator")));

		assertThat(KeycloakClaims.actor(claims).roles()).containsExactlyInAnyOrder(Role.CARE_PROFESSIONAL,
				Role.AUDITOR);
	}

	@Test
	void rolesOutsideRealmAccessGiveNoAuthority() {
		// the flat "roles" claim and client roles are not where Schakel reads realm roles
		// from
		Map<String, Object> claims = Map.of("preferred_username", "x", "organisation", "zvh-midden", "roles",
				List.of("administrator"), "resource_access", Map.of("account", Map.of("roles", List.of("auditor"))));

		assertThat(KeycloakClaims.actor(claims).roles()).isEmpty();
	}

	@Test
	void aTokenWithoutOrganisationNamesNoActor() {
		assertThatExceptionOfType(KeycloakClaims.MissingClaim.class)
			.isThrownBy(
					() -> KeycloakClaims.actor(TestTokens.apiClaims("http://issuer", "no-org", null, "coordinator")))
			.satisfies((ex) -> assertThat(ex.claim()).isEqualTo("organisation"));
	}

	@Test
	void aBlankOrganisationIsNoOrganisation() {
		Map<String, Object> claims = Map.of("preferred_username", "x", "organisation", "  ");

		assertThatExceptionOfType(KeycloakClaims.MissingClaim.class).isThrownBy(() -> KeycloakClaims.actor(claims));
	}

	@Test
	void authoritiesAreTheRolesSpringSecurityNames() {
		Actor actor = new Actor("a", "A", "zvh-midden", java.util.Set.of(Role.AUDITOR));

		assertThat(KeycloakSecurityConfiguration.authorities(actor)).extracting(Object::toString)
			.containsExactly("ROLE_AUDITOR");
	}

}
