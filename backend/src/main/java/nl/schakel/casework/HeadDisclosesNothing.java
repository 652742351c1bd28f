package nl.schakel.casework;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A HEAD request on case work is answered 405 before any handler runs. Spring answers
 * HEAD by running the GET handler and dropping the body, which would read the case
 * through the gate and log a disclosure of content nobody received. Answering the same
 * for every URL (present or not, visible or not) also keeps HEAD from revealing that a
 * case exists.
 */
class HeadDisclosesNothing implements HandlerInterceptor {

	/**
	 * The packages whose handlers read case work: the plan of action and the case meeting
	 * too.
	 */
	static final java.util.Set<String> CASE_WORK = java.util.Set.of(HeadDisclosesNothing.class.getPackageName(),
			"nl.schakel.plan", "nl.schakel.meeting");

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!HttpMethod.HEAD.matches(request.getMethod())) {
			return true;
		}
		if (handler instanceof HandlerMethod method && !CASE_WORK.contains(method.getBeanType().getPackageName())) {
			return true;
		}
		response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
		response.setHeader(HttpHeaders.ALLOW, "GET, POST");
		return false;
	}

}
