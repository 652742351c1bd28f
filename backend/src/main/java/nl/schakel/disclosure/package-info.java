/**
 * The disclosure gate and the disclosure log: the one way to read case content. Every
 * read names a purpose, is decided by the policy, and is recorded — granted or denied —
 * in the same transaction before any content is unsealed.
 */
@ApplicationModule(displayName = "Disclosure",
		allowedDependencies = { "consent", "crypto", "organisation", "participation", "policy", "security", "web" })
package nl.schakel.disclosure;

import org.springframework.modulith.ApplicationModule;
