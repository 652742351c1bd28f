package nl.schakel.retention;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import nl.schakel.crypto.CaseKeys;
import nl.schakel.web.Problems;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * After erasure a case answers every read and write, page or API, with 410 Gone and the
 * problem type {@code case-erased} — never content, never a half-blanked page. Checked
 * before anything else runs for the case (the purpose binding included), from the
 * destroyed case key.
 */
@Configuration(proxyBeanMethods = false)
class ErasedCases implements WebMvcConfigurer {

	private static final Pattern CASE_PATH = Pattern.compile(
			"^(/api/v1)?/cases/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/.*)?$");

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
				Matcher matcher = CASE_PATH
					.matcher(request.getRequestURI().substring(request.getContextPath().length()));
				if (!matcher.matches() || !ErasedCases.this.caseKeys.isDestroyed(UUID.fromString(matcher.group(2)))) {
					return true;
				}
				if (matcher.group(1) == null) {
					response.sendError(HttpStatus.GONE.value());
					return false;
				}
				response.setStatus(HttpStatus.GONE.value());
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				ProblemDetail problem = problem();
				response.getWriter()
					.write(JSON.writeValueAsString(java.util.Map.of("type", problem.getType().toString(), "title",
							problem.getTitle(), "status", problem.getStatus(), "detail", problem.getDetail())));
				return false;
			}
		})
			.addPathPatterns("/cases/*", "/cases/*/**", "/api/v1/cases/*", "/api/v1/cases/*/**")
			.order(Ordered.HIGHEST_PRECEDENCE);
	}

}
