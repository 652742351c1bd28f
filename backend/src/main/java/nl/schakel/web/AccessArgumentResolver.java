package nl.schakel.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import nl.schakel.security.Access;
import nl.schakel.security.Channel;
import nl.schakel.security.CurrentActor;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves the request's {@link Access} once, for any MVC or API handler that takes one:
 * the authenticated actor, the purpose (the validated {@code X-Purpose} header on the
 * API, the purpose chosen for the case in the path on a page), the channel (API under
 * {@code /api/}, else UI) and the server's request id. The access is bound to the
 * request's context for the change history.
 */
class AccessArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Access.class.equals(parameter.getParameterType());
	}

	@Override
	public Access resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		RequestContext context = RequestContext.current().orElse(null);
		if (context != null && context.access().isPresent()) {
			return context.access().get();
		}
		Channel channel = isApi(request) ? Channel.API : Channel.UI;
		// named by now: by the X-Purpose header's binding on the API, by the case's
		// chosen purpose
		// or the pages' fixed one in the UI; else the purpose chosen for the case in the
		// path
		String purpose = Optional.ofNullable(context)
			.flatMap(RequestContext::purpose)
			.or(() -> (channel == Channel.API) ? Optional.empty()
					: ChosenPurposes.caseOfThePath(request)
						.flatMap((caseId) -> ChosenPurposes.of(request.getSession(false), caseId)))
			.orElse(null);
		Access access = new Access(CurrentActor.find().orElse(null), purpose, channel,
				(context != null) ? context.requestId() : RequestContext.newRequestId(),
				(context != null) ? context.correlationId().orElse(null) : null);
		if (context != null) {
			context.access(access);
		}
		return access;
	}

	private static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/");
	}

}
