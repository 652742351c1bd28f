package nl.schakel.casework;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.web.InvalidInput;
import nl.schakel.web.RequestContext;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every API call on case data names its purpose in {@code X-Purpose}. Missing or unknown is a
 * 400 naming the header — never a default. The resolved purpose is handed to the controller
 * as a request attribute and recorded in the request context for the audit trail.
 */
@Component
class PurposeBinding implements HandlerInterceptor {

	static final String HEADER = "X-Purpose";

	static final String ATTRIBUTE = "nl.schakel.casework.PurposeBinding.purpose";

	private final Policy policy;

	PurposeBinding(Policy policy) {
		this.policy = policy;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Purpose purpose = resolve(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, purpose);
		return true;
	}

	Purpose resolve(String code) {
		if (code == null || code.isBlank()) {
			throw InvalidInput.of(HEADER, "Name the purpose of this request in the X-Purpose header (one of "
					+ knownPurposes() + ")");
		}
		Purpose purpose = this.policy.purpose(code.strip())
			.orElseThrow(() -> InvalidInput.of(HEADER,
					"Unknown purpose '" + code.strip() + "' (known: " + knownPurposes() + ")"));
		RequestContext.current().ifPresent((context) -> context.purpose(purpose.code()));
		return purpose;
	}

	private String knownPurposes() {
		return String.join(", ", this.policy.purposes().stream().map((p) -> p.purpose().code()).toList());
	}

}
