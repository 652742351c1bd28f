/**
 * Structured assessment, tailored interventions, long-term follow-up and their
 * evaluation: the instrument as data under {@code policies/}, the intervention catalogue
 * kept by beheer (filled from {@code policies/} when empty), ratings and case
 * interventions sealed and read through the disclosure gate, follow-up moments and
 * aggregates with small-cell suppression.
 */
@ApplicationModule(displayName = "Assessment",
		allowedDependencies = { "casefile", "casework", "consent", "crypto", "database", "disclosure", "notification",
				"organisation", "participation", "policy", "retention", "security", "web" })
package nl.schakel.assessment;

import org.springframework.modulith.ApplicationModule;
