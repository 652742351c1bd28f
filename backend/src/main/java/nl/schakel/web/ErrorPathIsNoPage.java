package nl.schakel.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the servlet container forwards a failed request; asked for
 * directly, it has no error to show and would answer 500 ("something broke") for nothing.
 * A direct request gets a plain 404 instead (the error forward itself is not filtered).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ErrorPathIsNoPage extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// a request the container forwarded carries the error's status; one from outside
		// cannot
		if (request.getDispatcherType() == DispatcherType.REQUEST
				&& request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
				&& (path.equals("/error") || path.startsWith("/error/") || path.startsWith("/error;"))) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

}
