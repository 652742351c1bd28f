package nl.schakel.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id of our own (a UUID v7), echoes it in the response's
 * {@code X-Request-Id} and binds a {@link RequestContext} for the request. A caller's
 * {@code X-Request-Id} is kept only as a correlation id (at most
 * {@value #CORRELATION_MAX} printable ASCII characters, else dropped): any caller may
 * send any value, the same one for many requests or users, so it can never identify a
 * request in the log or group review items.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final int CORRELATION_MAX = 100;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = RequestContext.newRequestId();
		response.setHeader(HEADER, requestId);
		RequestContext previous = RequestContext.current().orElse(null);
		RequestContext.bind(new RequestContext(requestId, correlationId(request.getHeader(HEADER))));
		try {
			chain.doFilter(request, response);
		}
		finally {
			RequestContext.restore(previous);
		}
	}

	/**
	 * The caller's id if it is 1 to 100 printable ASCII characters (no spaces, no
	 * controls), else none.
	 */
	static String correlationId(String offered) {
		if (offered == null || offered.isEmpty() || offered.length() > CORRELATION_MAX) {
			return null;
		}
		for (int i = 0; i < offered.length(); i++) {
			char c = offered.charAt(i);
			if (c < 0x21 || c > 0x7e) {
				return null;
			}
		}
		return offered;
	}

}
