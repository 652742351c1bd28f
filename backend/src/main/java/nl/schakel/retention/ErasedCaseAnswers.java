package nl.schakel.retention;

import nl.schakel.crypto.CaseKeyDestroyedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An API call that meets the destroyed key of an erased case — sealing or opening,
 * whatever feature it came through, however deep it was wrapped — answers 410
 * {@code case-erased}, never a 500. Ordered before the generic handler, whose catch-all
 * would otherwise answer first.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErasedCaseAnswers {

	@ExceptionHandler(CaseKeyDestroyedException.class)
	@ResponseStatus(HttpStatus.GONE)
	ProblemDetail erased() {
		return ErasedCases.problem();
	}

}
