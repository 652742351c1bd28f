package nl.schakel.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The browser's side of {@link ConcurrentChange}: a form that lost a race to someone
 * else's change gets a 409 page ({@code templates/error/409.html}) that says so, never a
 * 500.
 */
class ConcurrentChangePages implements HandlerExceptionResolver {

	private static final Logger log = LoggerFactory.getLogger(ConcurrentChangePages.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!ConcurrentChange.isCauseOf(ex) || response.isCommitted()) {
			return null;
		}
		log.info("Concurrent change in a page request: {}", ex.toString());
		try {
			response.sendError(HttpStatus.CONFLICT.value());
		}
		catch (IOException sendFailed) {
			return null;
		}
		return new ModelAndView();
	}

}
