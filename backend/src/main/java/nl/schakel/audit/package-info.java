/**
 * The auditor workspace: search and export of the disclosure log, the review queue of
 * flagged disclosures, change histories, the sealed (tamper-evident) log with its verify
 * command, and subject-access reports. Auditors see metadata here, never content.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = { "disclosure", "organisation", "participation",
		"person", "policy", "professional", "security", "web" })
package nl.schakel.audit;

import org.springframework.modulith.ApplicationModule;
