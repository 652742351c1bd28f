/**
 * Casework: the coordinator's and the professionals' daily work on a case, composed from
 * the case file, participation, consent and contributions, with every read of content
 * going through the disclosure gate under a named purpose.
 */
@ApplicationModule(displayName = "Casework",
		allowedDependencies = { "audit", "casefile", "consent", "contribution", "database", "disclosure", "meeting",
				"organisation", "participation", "person", "plan", "policy", "security", "web" })
package nl.schakel.casework;

import org.springframework.modulith.ApplicationModule;
