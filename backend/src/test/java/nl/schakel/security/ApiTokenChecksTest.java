package nl.schakel.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The checks an API bearer token must pass, against locally generated keys. */
class ApiTokenChecksTest {

	static final String ISSUER = "http://localhost:8180/realms/schakel";

	static final TestTokens REALM = TestTokens.withNewKey("realm-key");

	static final TestTokens OTHER = TestTokens.withNewKey("realm-key");

	final JwtDecoder decoder = decoder();

	static JwtDecoder decoder() {
		try {
			RSAKey publicKey = (RSAKey) JWKSet.parse(REALM.publicJwkSet()).getKeys().get(0);
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey.toRSAPublicKey()).build();
			decoder.setJwtValidator(
					new DelegatingOAuth2TokenValidator<>(TokenRefusal.apiTokenChecks(ISSUER, "schakel-api")));
			return decoder;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Object> coordinator() {
		return TestTokens.apiClaims(ISSUER, "coordinator", "zvh-midden", "coordinator");
	}

	@Test
	void aCurrentTokenOfOurRealmForOurApiWithAnOrganisationIsAccepted() {
		Jwt jwt = this.decoder.decode(REALM.sign(coordinator()));

		assertThat(jwt.getClaimAsString("organisation")).isEqualTo("zvh-midden");
		assertThat(KeycloakSecurityConfiguration.apiAuthentication(jwt).actor().roles())
			.containsExactly(Role.COORDINATOR);
	}

	@Test
	void anExpiredTokenIsRefusedAsExpired() {
		Map<String, Object> claims = coordinator();
		claims.put("iat", Date.from(Instant.now().minus(Duration.ofMinutes(20))));
		claims.put("exp", Date.from(Instant.now().minus(Duration.ofMinutes(10))));

		assertThat(refusal(REALM.sign(claims))).containsExactly(TokenRefusal.EXPIRED);
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() {
		Map<String, Object> claims = coordinator();
		claims.put("aud", List.of("account"));
		claims.put("azp", "schakel-other-client");

		assertThat(refusal(REALM.sign(claims))).containsExactly(TokenRefusal.WRONG_AUDIENCE);
	}

	@Test
	void aTokenWithoutAudienceIsRefused() {
		Map<String, Object> claims = coordinator();
		claims.remove("aud");

		assertThat(refusal(REALM.sign(claims))).containsExactly(TokenRefusal.WRONG_AUDIENCE);
	}

	@Test
	void aTokenWithoutOrganisationIsRefused() {
		assertThat(refusal(REALM.sign(TestTokens.apiClaims(ISSUER, "no-org", null, "coordinator"))))
			.containsExactly(TokenRefusal.MISSING_ORGANISATION);
	}

	@Test
	void aTokenFromAnotherRealmIsRefused() {
		Map<String, Object> claims = coordinator();
		claims.put("iss", "http://localhost:8180/realms/master");

		assertThat(refusal(REALM.sign(claims))).containsExactly(TokenRefusal.WRONG_ISSUER);
	}

	@Test
	void aTokenSignedByAnotherKeyWithTheRealmsKeyIdIsRefused() {
		assertThat(refusal(OTHER.sign(coordinator()))).containsExactly(TokenRefusal.BAD_SIGNATURE);
	}

	@Test
	void aTamperedTokenIsRefused() {
		assertThat(refusal(TestTokens.tamper(REALM.sign(coordinator())))).containsExactly(TokenRefusal.BAD_SIGNATURE);
	}

	@Test
	void everyReasonIsNamedWhenATokenFailsSeveralChecks() {
		Map<String, Object> claims = TestTokens.apiClaims(ISSUER, "no-org", null, "coordinator");
		claims.put("aud", "account");

		assertThat(refusal(REALM.sign(claims))).containsExactlyInAnyOrder(TokenRefusal.WRONG_AUDIENCE,
				TokenRefusal.MISSING_ORGANISATION);
	}

	@Test
	void garbageIsRefusedAsMalformed() {
		assertThat(refusal("not-a-jwt")).containsExactly(TokenRefusal.MALFORMED);
	}

	java.util.Set<TokenRefusal> refusal(String token) {
		JwtException failure = catchThrowableOfType(JwtException.class, () -> this.decoder.decode(token));
		assertThat(failure).as("the token should have been refused").isNotNull();
		return TokenRefusal.of(failure);
	}

}
