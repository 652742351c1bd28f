/**
 * Participation (deelname): which partner organisations, and optionally which of their
 * professionals, are admitted to a case, for which purposes and until when.
 */
@ApplicationModule(displayName = "Participation", allowedDependencies = { "organisation", "policy", "security", "web" })
package nl.schakel.participation;

import org.springframework.modulith.ApplicationModule;
