package nl.schakel.casework;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A form posted from a case's pages works under the purpose chosen for that case: this names
 * it in the request's context before the handler runs, so the revision of whatever the form
 * changes says why it changed, as an API call with {@code X-Purpose} does.
 */
class ChosenPurposeOfTheCase implements HandlerInterceptor {

	private final CasePurposes purposes;

	ChosenPurposeOfTheCase(CasePurposes purposes) {
		this.purposes = purposes;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		HttpSession session = request.getSession(false);
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (session != null && variables instanceof Map<?, ?> map && map.get("id") instanceof String id) {
			caseId(id).ifPresent((caseId) -> this.purposes.of(session, caseId));
		}
		return true;
	}

	private static java.util.Optional<UUID> caseId(String id) {
		try {
			return java.util.Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

}
