package nl.schakel.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The purpose code a user chose per case in the UI, kept in the session. Stored here, at
 * the edge, so that the request's {@link nl.schakel.security.Access} is resolved from it
 * before any handler runs; which codes are valid is the policy's business (see
 * {@code casework/CasePurposes}).
 */
public final class ChosenPurposes {

	private static final String ATTRIBUTE = "nl.schakel.casework.CasePurposes";

	private ChosenPurposes() {
	}

	public static Optional<String> of(HttpSession session, UUID caseId) {
		return (session != null) ? Optional.ofNullable(chosen(session).get(caseId)) : Optional.empty();
	}

	public static void choose(HttpSession session, UUID caseId, String purposeCode) {
		Map<UUID, String> chosen = new HashMap<>(chosen(session));
		chosen.put(caseId, purposeCode);
		session.setAttribute(ATTRIBUTE, chosen);
	}

	public static void forget(HttpSession session, UUID caseId) {
		Map<UUID, String> chosen = new HashMap<>(chosen(session));
		chosen.remove(caseId);
		session.setAttribute(ATTRIBUTE, chosen);
	}

	/**
	 * A form posted from a case's pages works under the purpose chosen for that case:
	 * this names it in the request's context before the handler runs, so the revision of
	 * whatever the form changes says why it changed, as an API call with
	 * {@code X-Purpose} does.
	 */
	public static HandlerInterceptor namedForTheCaseOfThePath() {
		return new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				caseOfThePath(request).flatMap((caseId) -> of(request.getSession(false), caseId))
					.ifPresent((code) -> RequestContext.current().ifPresent((context) -> context.purpose(code)));
				return true;
			}
		};
	}

	/**
	 * Pages that always work under one purpose (the auditor's workspace) name it in the
	 * request's context, so what they change is recorded under it.
	 */
	public static HandlerInterceptor namedForEveryPage(String purposeCode) {
		return new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				RequestContext.current().ifPresent((context) -> context.purpose(purposeCode));
				return true;
			}
		};
	}

	/** The case named by the path variable {@code id}, if the path names one. */
	static Optional<UUID> caseOfThePath(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (!(variables instanceof Map<?, ?> map) || !(map.get("id") instanceof String id)) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException notACase) {
			return Optional.empty();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<UUID, String> chosen(HttpSession session) {
		Object value = session.getAttribute(ATTRIBUTE);
		return (value instanceof Map<?, ?> map) ? (Map<UUID, String>) map : Map.of();
	}

}
