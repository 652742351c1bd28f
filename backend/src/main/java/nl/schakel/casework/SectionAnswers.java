package nl.schakel.casework;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * How the case page's sections answer: htmx (which sends {@code HX-Request}) gets only
 * the section, a browser without JavaScript a page or a redirect to the case.
 */
final class SectionAnswers {

	static final String HX = "HX-Request";

	/** Input the form can correct: htmx is configured to swap this answer in. */
	static final int UNPROCESSABLE = 422;

	private SectionAnswers() {
	}

	/** Only the section for htmx; a page with that one section for a browser. */
	static String view(String section, String htmx, Model model) {
		if ("true".equals(htmx)) {
			return "cases/sections/" + section + " :: " + section;
		}
		model.addAttribute("section", section);
		return "cases/section";
	}

	/**
	 * To the whole case page, with a message when given: a redirect for a browser, an
	 * {@code HX-Redirect} for htmx, so the page and not a section shows what happened.
	 */
	static String toCasePage(UUID id, String problem, HttpServletRequest request, HttpServletResponse response) {
		String location = "/cases/" + id;
		if (problem != null) {
			RequestContextUtils.getOutputFlashMap(request).put("problem", problem);
			RequestContextUtils.saveOutputFlashMap(location, request, response);
		}
		if (request.getHeader(HX) == null) {
			return "redirect:" + location;
		}
		response.setHeader("HX-Redirect", request.getContextPath() + location);
		response.setStatus(HttpStatus.NO_CONTENT.value());
		return "fragments/layout :: nothing";
	}

}
