package nl.schakel.disclosure;

import java.util.Objects;
import java.util.UUID;

/**
 * Whose data a read is about: the case and its person, and whether the case is closed (or
 * declined at triage). A closed case is read by its participants only: emergency access
 * is for an open case, where something can still be done.
 */
public record CaseSubject(UUID caseId, UUID personId, boolean closed) {

	public CaseSubject {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(personId, "personId");
	}

	/** An open case's subject. */
	public CaseSubject(UUID caseId, UUID personId) {
		this(caseId, personId, false);
	}

}
