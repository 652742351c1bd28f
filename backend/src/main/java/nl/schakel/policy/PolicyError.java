package nl.schakel.policy;

import java.util.Objects;

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

}
