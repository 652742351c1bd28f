package nl.schakel.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Keycloak as the identity provider (profile {@code keycloak}). The UI logs in with
 * OpenID Connect (authorization code with PKCE, confidential client) and logs out at
 * Keycloak too (RP-initiated logout); {@code /api/**} accepts bearer JWTs from our realm
 * and for our API's audience only. Both build the same {@link Actor} as the demo
 * accounts: roles come from the access token's {@code realm_access.roles}, the
 * organisation from its {@code organisation} claim, so no feature code knows which
 * identity provider is in use. Every refused token or login is recorded in the security
 * log.
 *
 * <p>
 * All endpoints are derived from {@link KeycloakProperties} rather than discovered, so
 * the application starts whether or not Keycloak is up yet.
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakSecurityConfiguration {

	static final String REGISTRATION_ID = "keycloak";

	private final KeycloakProperties keycloak;

	private final SecurityEvents events;

	private final RateLimits rateLimits;

	KeycloakSecurityConfiguration(KeycloakProperties keycloak, SecurityEvents events, RateLimits rateLimits) {
		this.keycloak = keycloak;
		this.events = events;
		this.rateLimits = rateLimits;
	}

	@Bean
	ClientRegistrationRepository clientRegistrationRepository() {
		KeycloakProperties.WebClient client = this.keycloak.webClient();
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Keycloak")
			.clientId(client.id())
			.clientSecret(client.secret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			// PKCE (S256) although the client is confidential: a stolen code is worthless
			// without the verifier
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			.issuerUri(this.keycloak.issuer())
			.authorizationUri(this.keycloak.frontchannelEndpoint("auth"))
			.tokenUri(this.keycloak.backchannelEndpoint("token"))
			.jwkSetUri(this.keycloak.backchannelEndpoint("certs"))
			.userInfoUri(this.keycloak.backchannelEndpoint("userinfo"))
			.userNameAttributeName("preferred_username")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", this.keycloak.frontchannelEndpoint("logout")))
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		BearerTokenResolver bearerTokens = new DefaultBearerTokenResolver();
		AuthenticationEntryPoint refused = (request, response, ex) -> refuseApiCall(request, response, ex,
				bearerTokens);
		// the API's own description is for its clients: signed in, like the API itself
		http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// bearer tokens are not sent by browsers on their own, so CSRF does not apply
			.csrf((csrf) -> csrf.disable())
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(bearerTokens)
				.authenticationEntryPoint(refused)
				.jwt((jwt) -> jwt.decoder(apiTokenDecoder(this.keycloak))
					.jwtAuthenticationConverter(KeycloakSecurityConfiguration::apiAuthentication)))
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(refused)
				.accessDeniedHandler((request, response, ex) -> SecurityConfiguration.problem(response,
						HttpStatus.FORBIDDEN, "forbidden", "Access denied")))
			.addFilterBefore(ActingRoleFilter.forApi(), AuthorizationFilter.class)
			// login attempts are Keycloak's to limit (its brute-force detection); person
			// searches are ours
			.addFilterAfter(this.rateLimits.personSearchFilter(), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		OidcClientInitiatedLogoutSuccessHandler logoutAtKeycloak = new OidcClientInitiatedLogoutSuccessHandler(
				registrations);
		// back to the start page, which sends a logged-out user to Keycloak's login page
		logoutAtKeycloak.setPostLogoutRedirectUri("{baseUrl}/");
		AuthenticationFailureHandler loginRefused = this::refuseLogin;
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2Login((login) -> login
				// no login page of our own: unauthenticated users go straight to Keycloak
				.loginPage("/oauth2/authorization/" + REGISTRATION_ID)
				// tokens live in the session, not in one instance's memory, so instances
				// stay interchangeable
				.authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(oidcUserService(this.keycloak)))
				.failureHandler(loginRefused))
			.logout((logout) -> logout.logoutSuccessHandler(logoutAtKeycloak))
			// the logout form's redirect goes on to Keycloak, and CSP form-action covers
			// redirects
			.headers(SecurityConfiguration.browserHeaders("'self' " + this.keycloak.origin()))
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.addFilterBefore(ActingRoleFilter.forBrowser(), AuthorizationFilter.class)
			.addFilterAfter(this.rateLimits.personSearchFilter(), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Bearer tokens for the API: signed by our realm's key, current, ours, for our API,
	 * naming an organisation.
	 */
	static JwtDecoder apiTokenDecoder(KeycloakProperties keycloak) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.backchannelEndpoint("certs"))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				TokenRefusal.apiTokenChecks(keycloak.issuer(), keycloak.apiAudience())));
		return decoder;
	}

	/**
	 * The UI's access token, read for its roles and organisation (Keycloak puts realm
	 * roles in the access token, not the ID token). It came straight from the token
	 * endpoint, but its signature and issuer are checked all the same.
	 */
	static JwtDecoder loginTokenDecoder(KeycloakProperties keycloak) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.backchannelEndpoint("certs"))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(TokenRefusal.loginTokenChecks(keycloak.issuer())));
		return decoder;
	}

	static OidcUserService oidcUserService(KeycloakProperties keycloak) {
		JwtDecoder accessTokens = loginTokenDecoder(keycloak);
		OidcUserService service = new OidcUserService();
		service.setOidcUserConverter((source) -> {
			OidcUserRequest request = source.getUserRequest();
			String subject = request.getIdToken().getPreferredUsername();
			Jwt accessToken;
			try {
				accessToken = accessTokens.decode(request.getAccessToken().getTokenValue());
			}
			catch (JwtException ex) {
				throw new LoginRefused(TokenRefusal.codes(TokenRefusal.of(ex)), subject, ex);
			}
			try {
				Actor actor = KeycloakClaims.actor(accessToken.getClaims());
				return new KeycloakUser(actor, authorities(actor), request.getIdToken(), source.getUserInfo());
			}
			catch (KeycloakClaims.MissingClaim ex) {
				throw new LoginRefused("missing-" + ex.claim().replace('_', '-'), subject, ex);
			}
		});
		return service;
	}

	static ApiAuthentication apiAuthentication(Jwt jwt) {
		try {
			Actor actor = KeycloakClaims.actor(jwt.getClaims());
			return new ApiAuthentication(jwt, actor, authorities(actor));
		}
		catch (KeycloakClaims.MissingClaim ex) {
			// the validators refuse such tokens first; this is the backstop
			throw new InvalidBearerTokenException(TokenRefusal.MISSING_ORGANISATION.code() + ": " + ex.getMessage());
		}
	}

	static List<GrantedAuthority> authorities(Actor actor) {
		return actor.roles()
			.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
	}

	private void refuseApiCall(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex,
			BearerTokenResolver bearerTokens) throws IOException {
		if (!(ex instanceof OAuth2AuthenticationException)) {
			// no token at all: an ordinary challenge, not an attack worth a log row
			response.setHeader("WWW-Authenticate", "Bearer");
			SecurityConfiguration.problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
					"Authentication required", "Send a bearer token from the Schakel realm");
			return;
		}
		Set<TokenRefusal> reasons = TokenRefusal.of(ex);
		String codes = TokenRefusal.codes(reasons);
		String token = null;
		try {
			token = bearerTokens.resolve(request);
		}
		catch (OAuth2AuthenticationException malformed) {
			// a malformed Authorization header: nothing to read a subject from
		}
		Map<String, String> claimed = SecurityEvents.claimedIdentity(token);
		this.events.refused(SecurityEvents.Kind.API_TOKEN_REFUSED, codes, claimed.get("subject"), claimed.get("client"),
				request, response);
		response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + codes + "\"");
		SecurityConfiguration.problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
				"The bearer token was refused (" + codes + ")");
	}

	private void refuseLogin(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String reason = (ex instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
				: "login-failed";
		String subject = (ex instanceof LoginRefused refused) ? refused.subject() : null;
		this.events.refused(SecurityEvents.Kind.LOGIN_REFUSED, reason, subject, this.keycloak.webClient().id(), request,
				response);
		response.sendError(HttpStatus.UNAUTHORIZED.value());
	}

	/** A Keycloak login Schakel cannot accept, e.g. a user without an organisation. */
	static final class LoginRefused extends OAuth2AuthenticationException {

		private static final long serialVersionUID = 1L;

		private final String subject;

		LoginRefused(String reason, String subject, Throwable cause) {
			super(new OAuth2Error(reason, "Schakel refused this login: " + reason, null), cause);
			this.subject = subject;
		}

		String subject() {
			return this.subject;
		}

	}

	/**
	 * Accounts and roles live in Keycloak; the administrator reads and changes them in
	 * its console.
	 */
	@Bean
	AccountDirectory keycloakAccounts() {
		java.net.URI console = java.net.URI.create(
				this.keycloak.url().toString().replaceAll("/+$", "") + "/admin/" + this.keycloak.realm() + "/console/");
		return new AccountDirectory() {

			@Override
			public List<Actor> accounts() {
				return List.of();
			}

			@Override
			public java.util.Optional<java.net.URI> console() {
				return java.util.Optional.of(console);
			}

		};
	}

}
