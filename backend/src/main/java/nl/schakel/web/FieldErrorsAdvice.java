package nl.schakel.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts {@link FieldErrors} in every page's model as {@code fieldErrors}: the field
 * fragments are called with its answers as arguments, where Thymeleaf refuses a bean
 * reference ({@code @bean}) but takes a model variable.
 */
@ControllerAdvice(annotations = Controller.class)
class FieldErrorsAdvice {

	private final FieldErrors fieldErrors;

	FieldErrorsAdvice(FieldErrors fieldErrors) {
		this.fieldErrors = fieldErrors;
	}

	@ModelAttribute("fieldErrors")
	FieldErrors fieldErrors() {
		return this.fieldErrors;
	}

}
