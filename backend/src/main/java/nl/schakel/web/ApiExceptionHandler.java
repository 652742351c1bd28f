package nl.schakel.web;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DatabindException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns the API's generic errors into problem details that name the field and never show
 * a stack trace, SQL or class name. Feature-specific errors are handled next to their
 * controllers.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BindException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ProblemDetail invalid(BindException ex) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(),
					error.isBindingFailure() ? message("input.typeMismatch")
							: this.messages.getMessage(error, LocaleContextHolder.getLocale())))
			.collect(Collectors.toList());
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldProblem(error.getObjectName(),
					this.messages.getMessage(error, LocaleContextHolder.getLocale()))));
		return Problems.invalidInput(errors);
	}

	@ExceptionHandler(InvalidInput.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ProblemDetail invalid(InvalidInput ex) {
		return Problems.invalidInput(ex.problems());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = databind.getPath()
				.stream()
				.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			boolean hidden = databind.getOriginalMessage() != null
					&& databind.getOriginalMessage().contains(NoNulCharacters.HIDDEN_CHARACTERS);
			return Problems.invalidInput(
					List.of(new FieldProblem(field, message(hidden ? "text.hiddenCharacters" : "input.typeMismatch"))));
		}
		return Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
				"The request body is not valid JSON for this endpoint");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return Problems.invalidInput(List.of(new FieldProblem(ex.getName(), message("input.typeMismatch"))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		return Problems.invalidInput(List.of(new FieldProblem(ex.getParameterName(), message("input.required"))));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ProblemDetail missingHeader(MissingRequestHeaderException ex) {
		return Problems.invalidInput(List.of(new FieldProblem(ex.getHeaderName(), message("input.required"))));
	}

	@ExceptionHandler(AccessDeniedException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	ProblemDetail denied(AccessDeniedException ex) {
		return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Access denied", "You may not do this");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	@ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
	ProblemDetail method(HttpRequestMethodNotSupportedException ex) {
		return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
				"This endpoint does not support " + ex.getMethod());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	@ResponseStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException ex) {
		return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
				"Send application/json");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notFound(NoResourceFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		String requestId = RequestContext.current().map(RequestContext::requestId).orElse("-");
		if (DatabaseUnavailable.isCauseOf(ex)) {
			// expected while the database is down or restarting: no stack trace per
			// request
			log.warn("Database unavailable in request {}: {}", requestId, ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
				.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
						"The service cannot reach its database; try again shortly (request id " + requestId + ")"));
		}
		if (ConcurrentChange.isCauseOf(ex)) {
			log.info("Concurrent change in request {}: {}", requestId, ex.toString());
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Changed at the same time",
						"Someone else changed this at the same moment; read it again and decide anew"));
		}
		log.error("Unexpected error in request {}", requestId, ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
					"Something went wrong; quote request id " + requestId));
	}

	private String message(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

}
