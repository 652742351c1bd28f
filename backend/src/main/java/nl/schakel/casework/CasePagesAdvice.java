package nl.schakel.casework;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.consent.ConsentNotFound;
import nl.schakel.contribution.NotAParticipant;
import nl.schakel.participation.ParticipantNotFound;
import nl.schakel.security.Access;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What every case page answers when the case is closed, missing or not the reader's: one
 * place, so the page, its sections and their htmx answers say the same.
 */
@ControllerAdvice(assignableTypes = { CasePageController.class, CaseRegistrationController.class,
		CaseStatusController.class, CaseParticipationController.class, CaseConsentController.class,
		ConsentWithdrawalController.class, AskingForDisclosureController.class, ContributingController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CasePagesAdvice {

	private final CasePage page;

	CasePagesAdvice(CasePage page) {
		this.page = page;
	}

	/**
	 * A write on a closed or declined case: the whole case page says so, nothing is
	 * saved. From htmx the browser goes there (HX-Redirect) instead of showing a page
	 * inside a section.
	 */
	@ExceptionHandler(CaseClosed.class)
	String closed(HttpServletRequest request, HttpServletResponse response) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Object id = (variables instanceof Map<?, ?> map) ? map.get("id") : null;
		if (id == null) {
			return "redirect:/cases";
		}
		return SectionAnswers.toCasePage(UUID.fromString(id.toString()), "case.closed.noWrites", request, response);
	}

	@ExceptionHandler(CaseNotVisible.class)
	String notVisible(Access access, CaseNotVisible ex, Model model, HttpServletResponse response) {
		return this.page.notVisible(access, ex.caseId(), model, response);
	}

	@ExceptionHandler({ CaseNotFound.class, NotAParticipant.class, ParticipantNotFound.class, ConsentNotFound.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
