package nl.schakel.consent;

import java.time.LocalDate;

/**
 * What shows that the person consented: how ({@code kind}), what was signed or said
 * ({@code description}, e.g. the form's reference), when, and who obtained it.
 */
public record ConsentEvidence(EvidenceKind kind, String description, LocalDate obtainedOn, String obtainedBy) {
}
