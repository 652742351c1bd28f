package nl.schakel.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two chains: {@code /api/**} is stateless and answers problem details; everything else
 * is the browser UI with a session, CSRF protection and a login page. Deny by default:
 * only the login page, static assets and health are open. This class holds the embedded
 * default's chains (demo accounts, form login, HTTP Basic for the API); under the
 * {@code keycloak} profile {@link KeycloakSecurityConfiguration} replaces them with OIDC
 * login and bearer JWTs.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * What the browser may load and where forms may go; Keycloak adds its own origin to
	 * form-action.
	 */
	static String contentSecurityPolicy(String formAction) {
		return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action "
				+ formAction + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
	}

	static Customizer<HeadersConfigurer<HttpSecurity>> browserHeaders(String formAction) {
		return (headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(formAction)))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	static void problem(HttpServletResponse response, HttpStatus status, String type, String title) throws IOException {
		problem(response, status, type, title, null);
	}

	/**
	 * Writes a problem detail by hand: these errors happen before Spring MVC is reached.
	 */
	static void problem(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"https://schakel.nl/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":"
					+ status.value() + ((detail != null) ? ",\"detail\":\"" + json(detail) + "\"" : "") + "}");
	}

	/** A 400 naming a request header, in the shape of every other invalid input. */
	static void invalidHeader(HttpServletResponse response, String header, String message) throws IOException {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"https://schakel.nl/problems/invalid-input\",\"title\":\"Invalid input\",\"status\":400,"
					+ "\"detail\":\"Invalid input in: " + json(header) + "\",\"errors\":[{\"field\":\"" + json(header)
					+ "\",\"message\":\"" + json(message) + "\"}]}");
	}

	private static String json(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/**
	 * The embedded default: demo accounts with a login form for the UI and HTTP Basic for
	 * the API.
	 */
	@Configuration(proxyBeanMethods = false)
	@Profile("!keycloak")
	static class DemoLogin {

		private final RateLimits rateLimits;

		DemoLogin(RateLimits rateLimits) {
			this.rateLimits = rateLimits;
		}

		@Bean
		@Order(1)
		SecurityFilterChain api(HttpSecurity http) throws Exception {
			// the API's own description is for its clients: signed in, like the API
			// itself
			http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				// bearer/basic credentials are not sent by browsers on their own, so CSRF
				// does not apply
				.csrf((csrf) -> csrf.disable())
				// a refused password counts against its account from this client, and
				// against the client
				.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
					this.rateLimits.apiBasicFailed(request);
					problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required");
				}))
				.exceptionHandling((errors) -> errors
					.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
							"unauthenticated", "Authentication required"))
					.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN, "forbidden",
							"Access denied")))
				.addFilterBefore(ActingRoleFilter.forApi(), AuthorizationFilter.class)
				.addFilterBefore(this.rateLimits.apiBasicFilter(), BasicAuthenticationFilter.class)
				.addFilterAfter(this.rateLimits.personSearchFilter(), AuthorizationFilter.class);
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain web(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.authenticated())
				.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
				.logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll())
				.headers(browserHeaders("'self'"))
				.httpBasic((basic) -> basic.disable())
				.addFilterBefore(this.rateLimits.loginFilter(), UsernamePasswordAuthenticationFilter.class)
				.addFilterBefore(ActingRoleFilter.forBrowser(), AuthorizationFilter.class)
				.addFilterAfter(this.rateLimits.personSearchFilter(), AuthorizationFilter.class);
			return http.build();
		}

	}

}
