package nl.schakel.web;

import java.util.List;

/**
 * Input that passed the field-by-field checks but breaks a rule that spans fields or
 * needs the database (for example "a consent basis needs a consent in force"). Answered
 * with a 400 problem detail, or a message at the field in a form.
 */
public class InvalidInput extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInput(List<FieldProblem> problems) {
		super("Invalid input in " + problems.stream().map(FieldProblem::field).toList());
		this.problems = List.copyOf(problems);
	}

	public static InvalidInput of(String field, String message) {
		return new InvalidInput(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
