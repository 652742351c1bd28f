package nl.schakel.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on what an attacker would repeat: login attempts (per account name and per
 * client IP), HTTP Basic failures on the API (per account name from one client, and per
 * client) and person searches (per signed-in user), so enumerating passwords or BSNs is
 * slow. The API's limit counts only failed passwords, since every API call carries one,
 * and throttles rather than locks: hammering an account from one address does not shut
 * its owner out elsewhere. A request over the limit gets a 429 problem detail with
 * {@code Retry-After}; it is logged, and a refused login is also written to the security
 * log. (Every search that does run is in the disclosure log already.) The filters are not
 * beans, so the servlet container does not register them a second time outside the
 * security chains. The buckets live in PostgreSQL ({@link SharedTokenBuckets}), shared by
 * every instance.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimits {

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	private final RateLimitProperties properties;

	private final TokenBucketLimiter loginPerUsername;

	private final TokenBucketLimiter loginPerClient;

	private final TokenBucketLimiter personSearch;

	private final TokenBucketLimiter apiLoginPerAccountAndClient;

	private final TokenBucketLimiter apiLoginPerClient;

	private final ObjectProvider<SecurityEvents> events;

	RateLimits(RateLimitProperties properties, ObjectProvider<Clock> clock, ObjectProvider<SecurityEvents> events,
			ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<PlatformTransactionManager> transactions,
			@Value("${schakel.rate-limit.namespace:}") String namespace,
			@Value("${schakel.rate-limit.shared:false}") boolean shared) {
		this.properties = properties;
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		this.loginPerUsername = limiter(shared, namespace + "login-per-username", properties.loginPerUsername(), time,
				jdbc, transactions);
		this.loginPerClient = limiter(shared, namespace + "login-per-client", properties.loginPerClient(), time, jdbc,
				transactions);
		this.personSearch = limiter(shared, namespace + "person-search", properties.personSearch(), time, jdbc,
				transactions);
		this.apiLoginPerAccountAndClient = limiter(shared, namespace + "api-login-per-account-and-client",
				properties.loginPerUsername(), time, jdbc, transactions);
		this.apiLoginPerClient = limiter(shared, namespace + "api-login-per-client", properties.loginPerClient(), time,
				jdbc, transactions);
		this.events = events;
	}

	/**
	 * The limit's buckets in the database, shared by every instance, so two instances do
	 * not double an attacker's allowance; in memory only where there is no database.
	 */
	private static TokenBucketLimiter limiter(boolean shared, String name, RateLimitProperties.Limit limit, Clock clock,
			ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<PlatformTransactionManager> transactions) {
		JdbcTemplate template = jdbc.getIfAvailable();
		PlatformTransactionManager manager = transactions.getIfAvailable();
		if (!shared || template == null || manager == null) {
			return new RateLimiter(limit, clock);
		}
		return TokenBucketLimiter.shared(new SharedTokenBuckets(name, template, manager, clock), limit,
				new RateLimiter(limit, clock));
	}

	/** For the browser chain, before the login form is processed. */
	OncePerRequestFilter loginFilter() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (RateLimits.this.properties.enabled() && "POST".equals(request.getMethod())
						&& "/login".equals(path(request))) {
					String username = request.getParameter("username");
					String account = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
					Duration wait = longest(RateLimits.this.loginPerClient.take(request.getRemoteAddr()),
							RateLimits.this.loginPerUsername.take(account));
					if (!wait.isZero()) {
						log.warn("Rate limit: login attempt for '{}' from {} refused for {}", cut(account),
								request.getRemoteAddr(), wait);
						RateLimits.this.events
							.ifAvailable((recorder) -> recorder.refused(SecurityEvents.Kind.LOGIN_REFUSED,
									"rate-limited", cut(account), null, request, response));
						tooManyRequests(response, wait, "Too many login attempts; try again later.");
						return;
					}
				}
				chain.doFilter(request, response);
			}
		};
	}

	/**
	 * For the API chain with HTTP Basic, before the credentials are checked: an account
	 * that failed too often from this client, or a client that failed too often whatever
	 * the account, gets a 429 without its password being looked at.
	 */
	OncePerRequestFilter apiBasicFilter() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String account = RateLimits.this.properties.enabled() ? basicAccount(request) : null;
				if (account != null) {
					String client = request.getRemoteAddr();
					Duration wait = longest(RateLimits.this.apiLoginPerClient.waitFor(client),
							RateLimits.this.apiLoginPerAccountAndClient.waitFor(account + " " + client));
					if (!wait.isZero()) {
						log.warn("Rate limit: API login for '{}' from {} refused for {}", account, client, wait);
						RateLimits.this.events
							.ifAvailable((recorder) -> recorder.refused(SecurityEvents.Kind.LOGIN_REFUSED,
									"rate-limited", account, null, request, response));
						tooManyRequests(response, wait, "Too many failed logins; try again later.");
						return;
					}
				}
				chain.doFilter(request, response);
			}
		};
	}

	/**
	 * Counts a refused HTTP Basic password against its account (from this client) and its
	 * client.
	 */
	void apiBasicFailed(HttpServletRequest request) {
		String account = RateLimits.this.properties.enabled() ? basicAccount(request) : null;
		if (account != null) {
			String client = request.getRemoteAddr();
			this.apiLoginPerClient.take(client);
			this.apiLoginPerAccountAndClient.take(account + " " + client);
		}
	}

	/**
	 * The account name in an HTTP Basic header (normalised as the login form does), or
	 * null.
	 */
	static String basicAccount(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String username;
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			username = (colon >= 0) ? decoded.substring(0, colon) : decoded;
		}
		catch (IllegalArgumentException ex) {
			username = "";
		}
		return cut(username.strip().toLowerCase(Locale.ROOT));
	}

	/** For every chain that serves a person search, after authentication. */
	OncePerRequestFilter personSearchFilter() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (RateLimits.this.properties.enabled() && isPersonSearch(request)) {
					Authentication user = SecurityContextHolder.getContext().getAuthentication();
					String key = (user != null) ? user.getName() : "ip:" + request.getRemoteAddr();
					Duration wait = RateLimits.this.personSearch.take(key);
					if (!wait.isZero()) {
						log.warn("Rate limit: person search by '{}' refused for {}", key, wait);
						tooManyRequests(response, wait, "Too many person searches; try again later.");
						return;
					}
				}
				chain.doFilter(request, response);
			}
		};
	}

	static boolean isPersonSearch(HttpServletRequest request) {
		String path = path(request);
		return "POST".equals(request.getMethod())
				&& ("/api/v1/persons/known-to".equals(path) || "/known-to".equals(path));
	}

	private static String path(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// a trailing slash or matrix parameters must not open a way around the limit
		int semicolon = path.indexOf(';');
		if (semicolon >= 0) {
			path = path.substring(0, semicolon);
		}
		while (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path;
	}

	private static Duration longest(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String cut(String text) {
		return (text.length() > 100) ? text.substring(0, 100) : text;
	}

	private static void tooManyRequests(HttpServletResponse response, Duration wait, String detail) throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		SecurityConfiguration.problem(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
				detail + " Retry after " + seconds + " s.");
	}

}
