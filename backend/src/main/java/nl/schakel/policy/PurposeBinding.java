package nl.schakel.policy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.web.InvalidInput;
import nl.schakel.web.RequestContext;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every API call on case data names its purpose in {@code X-Purpose}. Missing or unknown
 * is a 400 naming the header — never a default. The resolved purpose is handed to the
 * controller as a request attribute
 * ({@code @RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose}) and recorded in the
 * request context for the audit trail. Each feature registers it for its own API paths.
 */
@Component
public class PurposeBinding implements HandlerInterceptor {

	public static final String HEADER = "X-Purpose";

	public static final String ATTRIBUTE = "nl.schakel.policy.PurposeBinding.purpose";

	private final Policy policy;

	public PurposeBinding(Policy policy) {
		this.policy = policy;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Purpose purpose = resolve(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, purpose);
		return true;
	}

	/**
	 * For a coordinator's acts on the case file itself — erasure, rectification, a
	 * retention extension — which disclose nothing: a named purpose is checked and
	 * recorded, none is needed.
	 */
	public HandlerInterceptor whenNamed() {
		return new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String code = request.getHeader(HEADER);
				if (code != null && !code.isBlank()) {
					request.setAttribute(ATTRIBUTE, resolve(code));
				}
				return true;
			}
		};
	}

	/**
	 * The purpose named by this code; a 400 naming the header when missing or unknown.
	 */
	public Purpose resolve(String code) {
		if (code == null || code.isBlank()) {
			throw InvalidInput.of(HEADER,
					"Name the purpose of this request in the X-Purpose header (one of " + knownPurposes() + ")");
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
