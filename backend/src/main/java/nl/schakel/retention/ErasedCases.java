package nl.schakel.retention;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import nl.schakel.crypto.CaseKeyDestroyedException;
import nl.schakel.crypto.CaseKeys;
import nl.schakel.web.Problems;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UrlPathHelper;

/**
 * After erasure a case answers every read and write, page or API, with 410 Gone and the
 * problem type {@code case-erased} — never content, never a half-blanked page. Checked
 * before anything else runs for the case (the purpose binding included), from the
 * destroyed case key.
 *
 * <p>
 * The check does not read the raw URI: it takes the path variables Spring MVC matched and
 * decoded (so {@code /meetings/{id}/cases/{caseId}/…}, {@code /retention/{caseId}/…}, an
 * encoded or doubled path all name the case as the handler will see it), and asks each
 * that is a UUID whether it is an erased case. The auditor's pages keep answering: the
 * log and change history are metadata that outlive the content. Whatever still reaches a
 * destroyed key — another instance, a page that carries the case id elsewhere — ends in
 * {@link CaseKeyDestroyedException}, which answers 410 too ({@link ErasedCaseAnswers} for
 * the API, {@link #resolver()} for pages).
 */
@Configuration(proxyBeanMethods = false)
class ErasedCases implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ErasedCases.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	private final CaseKeys caseKeys;

	ErasedCases(CaseKeys caseKeys) {
		this.caseKeys = caseKeys;
	}

	static ProblemDetail problem() {
		return Problems.of(HttpStatus.GONE, "case-erased", "Case erased",
				"This case was erased; its content no longer exists");
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws IOException {
				if (isAuditors(request) || !namesAnErasedCase(request)) {
					return true;
				}
				answerGone(request, response);
				return false;
			}
		}).order(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.add(resolver());
	}

	/**
	 * Answers a request that met a destroyed case key with 410: the problem detail for
	 * the API (should {@link ErasedCaseAnswers} not have answered), the erased page for
	 * the browser.
	 */
	static HandlerExceptionResolver resolver() {
		return (request, response, handler, ex) -> {
			if (!destroyedKeyIn(ex) || response.isCommitted()) {
				return null;
			}
			log.info("A request met the destroyed key of an erased case: {}", ex.toString());
			try {
				answerGone(request, response);
			}
			catch (IOException failed) {
				return null;
			}
			return new ModelAndView();
		};
	}

	static boolean destroyedKeyIn(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CaseKeyDestroyedException || cause instanceof CaseErased) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private boolean namesAnErasedCase(HttpServletRequest request) {
		if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)) {
			return false;
		}
		for (Object value : variables.values()) {
			UUID id = uuid(value);
			if (id != null && this.caseKeys.isDestroyed(id)) {
				return true;
			}
		}
		return false;
	}

	private static UUID uuid(Object value) {
		if (!(value instanceof String text) || text.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	// the lookup path decoded, without path parameters and with doubled slashes merged
	private static String path(HttpServletRequest request) {
		return PATHS.getLookupPathForRequest(request).replaceAll("/{2,}", "/");
	}

	private static boolean isAuditors(HttpServletRequest request) {
		String path = path(request);
		return path.startsWith("/audit/") || path.startsWith("/api/v1/audit/");
	}

	private static void answerGone(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!path(request).startsWith("/api/")) {
			response.sendError(HttpStatus.GONE.value());
			return;
		}
		response.setStatus(HttpStatus.GONE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		ProblemDetail problem = problem();
		response.getWriter()
			.write(JSON.writeValueAsString(Map.of("type", problem.getType().toString(), "title", problem.getTitle(),
					"status", problem.getStatus(), "detail", problem.getDetail())));
	}

}
