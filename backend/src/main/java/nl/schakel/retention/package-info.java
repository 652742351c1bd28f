/**
 * Retention and erasure: erasing a case by crypto-shredding (its data key destroyed, the
 * free text and ciphertext it leaves blanked in the live tables and their Envers copies,
 * the person blanked once no other case needs them), the proof of destruction auditors
 * search, and the daily retention job that erases what {@code policies/retention.yaml}
 * says is due; rectification on the person's request, with the recipients the log names
 * notified.
 */
@ApplicationModule(displayName = "Retention and erasure",
		allowedDependencies = { "crypto", "notification", "person", "policy", "register", "security", "web" })
package nl.schakel.retention;

import org.springframework.modulith.ApplicationModule;
