/**
 * The change history: Envers revisions that record who changed case data, for which
 * organisation, under which purpose, in which request and policy version.
 */
@ApplicationModule(displayName = "History", allowedDependencies = { "security", "web" })
package nl.schakel.history;

import org.springframework.modulith.ApplicationModule;
