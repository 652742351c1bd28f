package nl.schakel.disclosure;

import java.util.Objects;
import java.util.UUID;

/** Whose data a read is about: the case and its person. */
public record CaseSubject(UUID caseId, UUID personId) {

	public CaseSubject {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(personId, "personId");
	}

}
