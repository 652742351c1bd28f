/**
 * Professionals by name: who a username is (name, organisation, e-mail), as the identity
 * provider said at their latest login, so pages show a person rather than a login name.
 */
@ApplicationModule(displayName = "Professional", allowedDependencies = { "organisation", "security" })
package nl.schakel.professional;

import org.springframework.modulith.ApplicationModule;
