package nl.schakel.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with a stable {@code type} per kind of error, so API clients
 * can tell errors apart without parsing messages.
 */
public final class Problems {

	public static final String BASE = "https://schakel.nl/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(BASE + type));
		problem.setTitle(title);
		return problem;
	}

	public static ProblemDetail invalidInput(List<FieldProblem> errors) {
		String fields = String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList());
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				"Invalid input in: " + fields);
		problem.setProperty("errors", errors);
		return problem;
	}

}
