package nl.schakel.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Why a bearer token was refused, as a stable code for the security log and the problem
 * detail. Each check of an API token is wrapped so that its failure names its reason.
 */
enum TokenRefusal {

	EXPIRED("expired"), WRONG_ISSUER("wrong-issuer"), WRONG_AUDIENCE("wrong-audience"),
	MISSING_ORGANISATION("missing-organisation"), BAD_SIGNATURE("bad-signature"), MALFORMED("malformed"),
	INVALID("invalid");

	private final String code;

	TokenRefusal(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

	/**
	 * The checks every API token must pass after its signature: not expired (nor used
	 * before {@code nbf}), issued by our realm, meant for our API, naming an
	 * organisation.
	 */
	static List<OAuth2TokenValidator<Jwt>> apiTokenChecks(String issuer, String audience) {
		return List.of(EXPIRED.check(new JwtTimestampValidator()), WRONG_ISSUER.check(new JwtIssuerValidator(issuer)),
				WRONG_AUDIENCE.check(new JwtClaimValidator<Collection<String>>("aud",
						(aud) -> aud != null && aud.contains(audience))),
				MISSING_ORGANISATION
					.check(new JwtClaimValidator<Object>(KeycloakClaims.ORGANISATION, KeycloakClaims::isText)));
	}

	/**
	 * The checks of the UI's access token: ours and current; its audience is the UI
	 * client, not the API.
	 */
	static List<OAuth2TokenValidator<Jwt>> loginTokenChecks(String issuer) {
		return List.of(EXPIRED.check(new JwtTimestampValidator()), WRONG_ISSUER.check(new JwtIssuerValidator(issuer)));
	}

	OAuth2TokenValidator<Jwt> check(OAuth2TokenValidator<Jwt> delegate) {
		return (jwt) -> {
			OAuth2TokenValidatorResult result = delegate.validate(jwt);
			if (!result.hasErrors()) {
				return result;
			}
			return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", describe(result.getErrors()),
					"https://tools.ietf.org/html/rfc6750#section-3.1"));
		};
	}

	private String describe(Collection<OAuth2Error> errors) {
		return this.code + ": " + errors.stream().map(OAuth2Error::getDescription).collect(Collectors.joining("; "));
	}

	/** The reasons behind a refused token, most telling first; never empty. */
	static Set<TokenRefusal> of(Throwable failure) {
		Set<TokenRefusal> reasons = new LinkedHashSet<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JwtValidationException validation) {
				for (OAuth2Error error : validation.getErrors()) {
					reasons.add(fromDescription(error.getDescription()));
				}
				return reasons;
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			TokenRefusal named = fromDescription(cause.getMessage());
			if (named != INVALID) {
				reasons.add(named);
				return reasons;
			}
		}
		String message = messages(failure).toLowerCase(Locale.ROOT);
		if (message.contains("signature") || message.contains("no matching key")) {
			reasons.add(BAD_SIGNATURE);
		}
		else if (message.contains("malformed") || message.contains("parse") || message.contains("invalid jwt")) {
			reasons.add(MALFORMED);
		}
		else if (failure instanceof InvalidBearerTokenException && message.contains("expired")) {
			reasons.add(EXPIRED);
		}
		else {
			reasons.add(INVALID);
		}
		return reasons;
	}

	private static TokenRefusal fromDescription(String description) {
		if (description != null) {
			for (TokenRefusal refusal : values()) {
				if (description.startsWith(refusal.code + ":")) {
					return refusal;
				}
			}
		}
		return INVALID;
	}

	private static String messages(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			text.append(cause.getMessage()).append(' ');
		}
		return text.toString();
	}

	static String codes(Set<TokenRefusal> reasons) {
		return reasons.stream().map(TokenRefusal::code).collect(Collectors.joining(","));
	}

}
