/**
 * Retention and erasure: erasing a case by crypto-shredding (its data key destroyed, the free
 * text and ciphertext it leaves blanked in the live tables and their Envers copies, the person
 * blanked once no other case needs them), the proof of destruction auditors search, and the
 * daily retention job that erases what {@code policies/retention.yaml} says is due.
 */
@ApplicationModule(displayName = "Retention and erasure",
		allowedDependencies = { "crypto", "policy", "register", "security", "web" })
package nl.schakel.retention;

import org.springframework.modulith.ApplicationModule;
