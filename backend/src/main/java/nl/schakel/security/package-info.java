/**
 * Technical: who is acting. One principal model ({@link nl.schakel.security.Actor})
 * whether the user logged in with a demo account or through Keycloak; depends on no
 * feature, only on {@code crypto} to seal session attributes kept in the database.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = { "crypto" })
package nl.schakel.security;

import org.springframework.modulith.ApplicationModule;
