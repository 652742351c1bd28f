package nl.schakel.web;

/** One input field and what is wrong with it, as reported in a problem detail. */
public record FieldProblem(String field, String message) {
}
