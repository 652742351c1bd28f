package nl.schakel.web;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.thymeleaf.spring6.util.DetailedError;

import org.springframework.stereotype.Component;

/**
 * The message to show next to one field, from the problems a form came back with: the
 * templates' field fragments ask it, so a message lands at its field and not only in a
 * list above the form.
 */
@Component
public class FieldErrors {

	/**
	 * What is wrong with the named fields, joined; {@code null} when nothing is, so the
	 * field renders without error.
	 */
	public String of(List<FieldProblem> problems, String... fields) {
		if (problems == null || problems.isEmpty()) {
			return null;
		}
		List<String> names = List.of(fields);
		String messages = problems.stream()
			.filter(Objects::nonNull)
			.filter((p) -> names.contains(p.field()))
			.map(FieldProblem::message)
			.distinct()
			.collect(Collectors.joining(" "));
		return messages.isEmpty() ? null : messages;
	}

	/**
	 * The field errors of a form bound to an object ({@code #fields.detailedErrors()}),
	 * as the problems the field fragments and the error summary take; a form-wide error
	 * names no field and is left to the page's own message.
	 */
	public List<FieldProblem> bound(List<DetailedError> errors) {
		if (errors == null || errors.isEmpty()) {
			return null;
		}
		List<FieldProblem> problems = errors.stream()
			.filter((e) -> !e.isGlobal())
			.map((e) -> new FieldProblem(e.getFieldName(), e.getMessage()))
			.toList();
		return problems.isEmpty() ? null : problems;
	}

	/**
	 * The id of the control a summary links to for a field: {@code idPrefix + field},
	 * unless {@code fieldIds} (written {@code field=id,field=id}) names another.
	 */
	public String anchor(String field, String idPrefix, String fieldIds) {
		if (fieldIds != null) {
			for (String pair : fieldIds.split(",")) {
				String[] parts = pair.split("=", 2);
				if (parts.length == 2 && parts[0].strip().equals(field)) {
					return parts[1].strip();
				}
			}
		}
		return ((idPrefix != null) ? idPrefix : "") + field;
	}

}
