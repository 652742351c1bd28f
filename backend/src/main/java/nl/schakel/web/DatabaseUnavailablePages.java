package nl.schakel.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The browser's side of {@link DatabaseUnavailable}: a page request that fails because
 * the database cannot be reached becomes a 503 with {@code Retry-After}, which Spring
 * Boot's error page renders with {@code templates/error/503.html}. API requests never get
 * here: {@code ApiExceptionHandler} answers them with a problem detail first (this
 * resolver comes after Spring MVC's own, see {@code WebConfiguration}).
 */
class DatabaseUnavailablePages implements HandlerExceptionResolver {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailablePages.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!DatabaseUnavailable.isCauseOf(ex) || response.isCommitted()) {
			return null;
		}
		String requestId = RequestContext.current().map(RequestContext::requestId).orElse("-");
		log.warn("Database unavailable in request {}: {}", requestId, ex.toString());
		try {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
		}
		catch (IOException sendFailed) {
			return null;
		}
		return new ModelAndView();
	}

}
