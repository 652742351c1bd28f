/**
 * Partner organisations (convenant partners) and the domain each belongs to: care,
 * justice, municipal or the safety house itself.
 */
@ApplicationModule(displayName = "Organisation", allowedDependencies = { "web" })
package nl.schakel.organisation;

import org.springframework.modulith.ApplicationModule;
