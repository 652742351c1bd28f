package nl.schakel.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link DatabaseUnavailable} for what fails outside Spring MVC: with sessions in
 * PostgreSQL (several instances), the session filter reads the session before the
 * security filters run and writes it back after the request, both outside every exception
 * resolver, so a database outage used to reach the container as a 500. This filter sits
 * just outside the session filter and answers such a failure as the application answers
 * any other database outage: 503 with {@code Retry-After}, the API a
 * {@code service-unavailable} problem detail, pages Spring Boot's error page
 * ({@code templates/error/503.html}). Whatever the request had written is discarded: it
 * was not acknowledged. The error page itself is rendered without the session cookie, so
 * it does not ask the unreachable database for the session again (it shows as to a
 * visitor who is not signed in); should it fail all the same, a short page says the same.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private static final String ANSWERED = DatabaseUnavailableFilter.class.getName() + ".answered";

	private static final String PLAIN_PAGE = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
			+ "<title>Schakel is even niet bereikbaar</title></head><body><h1>Schakel is even niet bereikbaar</h1>"
			+ "<p>Er is niets getoond. Stuurde u een wijziging, kijk dan eerst of die is opgeslagen voordat u haar opnieuw stuurt; probeer het over een paar seconden opnieuw.</p>"
			+ "<p lang=\"en\">Schakel is briefly unavailable: nothing was shown. If you sent a change, check"
			+ " whether it was saved before sending it again; try again in a few seconds.</p></body></html>";

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean errorPageOfOurs = request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(ANSWERED) != null;
		try {
			chain.doFilter(errorPageOfOurs ? new WithoutSessionCookie(request) : request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseUnavailable.isCauseOf(ex) || response.isCommitted()) {
				throw ex;
			}
			if (request.getDispatcherType() == DispatcherType.ERROR) {
				plainPage(response);
			}
			else {
				unavailable(request, response, ex);
			}
		}
	}

	private static void plainPage(HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(PLAIN_PAGE);
	}

	private static void unavailable(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws IOException {
		String requestId = RequestContext.current().map(RequestContext::requestId).orElse("-");
		log.warn("Database unavailable in request {} (around the session): {}", requestId, ex.toString());
		String requestIdHeader = response.getHeader(RequestIdFilter.HEADER);
		response.reset();
		if (requestIdHeader != null) {
			response.setHeader(RequestIdFilter.HEADER, requestIdHeader);
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
		if (!path(request).startsWith("/api/")) {
			request.setAttribute(ANSWERED, Boolean.TRUE);
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			return;
		}
		// the same problem as ApiExceptionHandler's, written by hand: Spring MVC is not
		// reached
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"" + Problems.BASE + "service-unavailable\",\"title\":\"Service unavailable\","
					+ "\"status\":503,\"detail\":\"The service cannot reach its database; try again shortly"
					+ (writes(request) ? ". A change this request sent may have been saved before the database"
							+ " went away: check before sending it again" : "")
					+ " (request id " + requestId + ")\"}");
	}

	// the session is written back after the handler's transaction committed, so a write
	// that fails here may have been saved all the same
	private static boolean writes(HttpServletRequest request) {
		return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * The request as the error page sees it: without the cookie that names the session.
	 */
	private static final class WithoutSessionCookie extends HttpServletRequestWrapper {

		WithoutSessionCookie(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Cookie[] getCookies() {
			Cookie[] cookies = super.getCookies();
			return (cookies != null) ? Arrays.stream(cookies)
				.filter((cookie) -> !"SESSION".equals(cookie.getName()) && !"JSESSIONID".equals(cookie.getName()))
				.toArray(Cookie[]::new) : null;
		}

	}

}
