/**
 * Technical: who is acting. One principal model ({@link nl.schakel.security.Actor})
 * whether the user logged in with a demo account or through Keycloak; depends on no
 * feature.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {})
package nl.schakel.security;

import org.springframework.modulith.ApplicationModule;
