/**
 * The access policy: loads {@code policies/} (roles, purposes, rules), validates it with
 * file-and-line messages, and decides for one reader and one item whether the content may
 * be shown, only its existence, or nothing. Plain Java; the disclosure gate enforces what
 * this package decides.
 */
@ApplicationModule(displayName = "Policy", allowedDependencies = { "organisation", "security", "web" })
package nl.schakel.policy;

import org.springframework.modulith.ApplicationModule;
