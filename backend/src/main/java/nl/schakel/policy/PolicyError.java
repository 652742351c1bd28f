package nl.schakel.policy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One problem found while loading the policy files.
 *
 * @param file the file name, e.g. {@code access-policy.yaml}
 * @param line the 1-based line, or 0 when the problem concerns the whole file (a missing
 * file)
 * @param problem what is wrong, in words the privacy officer understands
 */
public record PolicyError(String file, int line, String problem) {

	public PolicyError {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(problem, "problem");
	}

	/** {@code file:line: problem}, the form editors and CI logs link to. */
	@Override
	public String toString() {
		return (this.line > 0) ? this.file + ":" + this.line + ": " + this.problem : this.file + ": " + this.problem;
	}

	/**
	 * The message of a refused file set: a heading with the number of problems, then one
	 * problem per line, so that every loader of {@code policies/} reports alike.
	 * @param heading e.g. {@code The access policy is invalid}
	 */
	public static String report(String heading, List<PolicyError> errors) {
		return errors.stream()
			.map(PolicyError::toString)
			.collect(Collectors.joining(System.lineSeparator(), heading + " (" + errors.size() + " problem"
					+ ((errors.size() == 1) ? "" : "s") + "):" + System.lineSeparator(), ""));
	}

}
