package nl.schakel.policy;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.web.RequestContext;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the policy in force on every request's context as soon as the request has one, so
 * whatever the request changes — through a form, the API or a read — is recorded under
 * the policy version that allowed it, not only the writes that happened to pass the gate
 * first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PolicyVersionStamp extends OncePerRequestFilter {

	private final Policy policy;

	PolicyVersionStamp(Policy policy) {
		this.policy = policy;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestContext.current().ifPresent((context) -> context.policyVersion(this.policy.version().value()));
		chain.doFilter(request, response);
	}

}
