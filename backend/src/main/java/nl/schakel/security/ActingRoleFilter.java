package nl.schakel.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Narrows the login of an account with several roles to the one role it acts in for this
 * request (see {@link ActingRole}), after authentication and before any authorisation. On
 * the API a missing or foreign {@value ActingRole#HEADER} is a 400 naming the header; in
 * the browser a user who has not chosen yet is sent to the choice page. Never a default:
 * which role would be the safe one to guess is exactly what cannot be known.
 */
final class ActingRoleFilter extends OncePerRequestFilter {

	/**
	 * What a browser may reach before a role is chosen: the choice itself, logging out,
	 * assets.
	 */
	private static final List<String> BEFORE_CHOICE = List.of(ActingRole.CHOICE_PAGE, "/logout", "/login", "/error",
			"/css/", "/js/", "/webjars/", "/favicon.ico", "/favicon.svg", "/actuator/", "/v3/api-docs");

	private final boolean api;

	private ActingRoleFilter(boolean api) {
		this.api = api;
	}

	static ActingRoleFilter forApi() {
		return new ActingRoleFilter(true);
	}

	static ActingRoleFilter forBrowser() {
		return new ActingRoleFilter(false);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication login = SecurityContextHolder.getContext().getAuthentication();
		Actor account = accountOf(login);
		if (account == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Role> role;
		if (this.api) {
			String named = request.getHeader(ActingRole.HEADER);
			if (named == null && account.roles().size() <= 1) {
				chain.doFilter(request, response);
				return;
			}
			role = (named == null) ? Optional.empty() : Role.fromCode(named.strip()).filter(account.roles()::contains);
			if (role.isEmpty()) {
				SecurityConfiguration.invalidHeader(response, ActingRole.HEADER,
						"Name the one role this call acts in, in the " + ActingRole.HEADER + " header (one of "
								+ account.roles().stream().map(Role::code).sorted().collect(Collectors.joining(", "))
								+ ")");
				return;
			}
		}
		else {
			if (account.roles().size() <= 1) {
				chain.doFilter(request, response);
				return;
			}
			role = ActingRole.chosen(request.getSession(false), account.roles());
			if (role.isEmpty()) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				if (BEFORE_CHOICE.stream()
					.anyMatch((open) -> path.equals(open)
							|| (open.endsWith("/") ? path.startsWith(open) : path.startsWith(open + "/")))) {
					// the account acts under no role here: every decision is the
					// narrowest
					chain.doFilter(request, response);
				}
				else {
					response.sendRedirect(request.getContextPath() + ActingRole.CHOICE_PAGE);
				}
				return;
			}
		}
		SecurityContext asLoggedIn = SecurityContextHolder.getContext();
		SecurityContext acting = SecurityContextHolder.createEmptyContext();
		acting.setAuthentication(new ActingAuthentication(login, account, role.get()));
		SecurityContextHolder.setContext(acting);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.setContext(asLoggedIn);
		}
	}

	private static Actor accountOf(Authentication login) {
		if (login == null || !login.isAuthenticated() || login instanceof ActingAuthentication) {
			return null;
		}
		if (login instanceof ActorPrincipal principal) {
			return principal.actor();
		}
		if (login.getPrincipal() instanceof ActorPrincipal principal) {
			return principal.actor();
		}
		return null;
	}

}
