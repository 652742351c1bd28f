package nl.schakel.security;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The security log: every refused login or bearer token becomes a row in
 * {@code security_event} (which the application may insert into and read, never change).
 * A failure to record never turns a refusal into an acceptance; it is logged and the
 * request is refused all the same.
 */
@Component
class SecurityEvents {

	enum Kind {

		API_TOKEN_REFUSED, LOGIN_REFUSED, BREAK_GLASS_REFUSED, BULK_READ_REFUSED

	}

	private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

	private static final String REQUEST_ID = "X-Request-Id";

	private final JdbcTemplate jdbc;

	SecurityEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a refusal.
	 * @param subject who the refused credential claims to be, if known (not verified)
	 * @param client the OAuth client the credential was issued to, if known (not
	 * verified)
	 */
	void refused(Kind kind, String reason, String subject, String client, HttpServletRequest request,
			HttpServletResponse response) {
		// the request id filter runs first and puts the id on the response
		String requestId = (response != null) ? response.getHeader(REQUEST_ID) : null;
		String path = (request != null) ? request.getRequestURI() : null;
		log.warn("Refused {} ({}) for subject {} via client {} in request {} on {}", kind, reason, subject, client,
				requestId, path);
		try {
			this.jdbc.update(
					"insert into security_event (kind, reason, subject, client, request_id, path) values (?, ?, ?, ?, ?, ?)",
					kind.name(), cut(reason, 200), cut(subject, 100), cut(client, 100), cut(requestId, 64),
					cut(path, 300));
		}
		catch (DataAccessException ex) {
			log.error("Could not record the refused {} in request {}", kind, requestId, ex);
		}
	}

	/**
	 * What a refused bearer token says about itself, without trusting it: its subject
	 * ({@code preferred_username}, else {@code sub}) and its client ({@code azp}).
	 */
	static Map<String, String> claimedIdentity(String token) {
		if (token == null) {
			return Map.of();
		}
		try {
			Map<String, Object> claims = JWTParser.parse(token).getJWTClaimsSet().getClaims();
			Object subject = claims.getOrDefault("preferred_username", claims.get("sub"));
			Object client = claims.get("azp");
			return Map.of("subject", (subject instanceof String s) ? s : "", "client",
					(client instanceof String c) ? c : "");
		}
		catch (ParseException | RuntimeException ex) {
			return Map.of();
		}
	}

	private static String cut(String value, int length) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		return (value.length() <= length) ? value : value.substring(0, length);
	}

}
