package nl.schakel.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Keycloak-shaped access tokens signed by locally generated RSA keys, for testing token
 * validation without a Keycloak: a realm key whose public half the app is told to trust,
 * and any number of other keys it must not.
 */
public final class TestTokens {

	private final RSAKey key;

	private TestTokens(RSAKey key) {
		this.key = key;
	}

	/** A fresh signing key with the given key id. */
	public static TestTokens withNewKey(String keyId) {
		try {
			return new TestTokens(new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The public JWK set a Keycloak realm would publish at
	 * {@code .../protocol/openid-connect/certs}.
	 */
	public String publicJwkSet() {
		return new JWKSet(this.key.toPublicJWK()).toString();
	}

	/** The claims of a valid API token for a demo user, as Keycloak would issue them. */
	public static Map<String, Object> apiClaims(String issuer, String username, String organisation, String... roles) {
		Instant now = Instant.now();
		Map<String, Object> claims = new java.util.LinkedHashMap<>();
		claims.put("iss", issuer);
		claims.put("sub", UUID.randomUUID().toString());
		claims.put("aud", List.of("schakel-api", "account"));
		claims.put("azp", "schakel-api-client");
		claims.put("typ", "Bearer");
		claims.put("iat", Date.from(now));
		claims.put("exp", Date.from(now.plus(Duration.ofMinutes(5))));
		claims.put("preferred_username", username);
		claims.put("name", username + " (test)");
		if (organisation != null) {
			claims.put("organisation", organisation);
		}
		List<String> realmRoles = new java.util.ArrayList<>(List.of(roles));
		realmRoles.addAll(List.of("offline_access", "uma_authorization", "default-roles-schakel"));
		claims.put("realm_access", Map.of("roles", realmRoles));
		claims.put("roles", realmRoles);
		return claims;
	}

	/** Signs the claims (dates as {@link Date}) into a compact JWT. */
	public String sign(Map<String, Object> claims) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
		claims.forEach(builder::claim);
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), builder.build());
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Re-signs the claims of any JWT (e.g. one Keycloak issued) with this key, keeping
	 * its key id.
	 */
	public String forge(String token) {
		try {
			SignedJWT original = SignedJWT.parse(token);
			SignedJWT forged = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(original.getHeader().getKeyID())
						.type(JOSEObjectType.JWT)
						.build(),
					original.getJWTClaimsSet());
			forged.sign(new RSASSASigner(this.key));
			return forged.serialize();
		}
		catch (java.text.ParseException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The token with one character of its signature changed. */
	public static String tamper(String token) {
		int last = token.length() - 5;
		char changed = (token.charAt(last) == 'A') ? 'B' : 'A';
		return token.substring(0, last) + changed + token.substring(last + 1);
	}

}
