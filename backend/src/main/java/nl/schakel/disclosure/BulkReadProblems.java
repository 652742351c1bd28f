package nl.schakel.disclosure;

import nl.schakel.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused bulk read is answered 429 with {@code Retry-After}, wherever the case was
 * read (API or page), before any general handler turns it into something else.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BulkReadProblems {

	@ExceptionHandler(BulkReadLimitReached.class)
	ResponseEntity<ProblemDetail> bulkReadLimitReached(BulkReadLimitReached ex) {
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "bulk-read-limit-reached",
				"Case read limit reached", "You read more cases than the access policy allows in this time; "
						+ "try again later. The refusal is reviewed.");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000)))
			.body(problem);
	}

}
