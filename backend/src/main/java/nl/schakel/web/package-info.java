/**
 * Technical: web plumbing shared by every feature — the per-request context (request id,
 * purpose), problem details for the API, locale handling. Depends on no feature.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = { "security" })
package nl.schakel.web;

import org.springframework.modulith.ApplicationModule;
