package nl.schakel.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (a caller's {@code X-Request-Id} when it is well-formed, else a
 * new UUID), echoes it in the response and binds a {@link RequestContext} for the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String offered = request.getHeader(HEADER);
		String requestId = (offered != null && SAFE_ID.matcher(offered).matches()) ? offered
				: UUID.randomUUID().toString();
		response.setHeader(HEADER, requestId);
		RequestContext previous = RequestContext.current().orElse(null);
		RequestContext.bind(new RequestContext(requestId));
		try {
			chain.doFilter(request, response);
		}
		finally {
			RequestContext.restore(previous);
		}
	}

}
