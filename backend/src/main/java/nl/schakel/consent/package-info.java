/**
 * The consent registry: a person's consent as an object, recorded on one case by the
 * organisation that holds the information, opening only that organisation's items in that
 * case to named partners or domains, for named categories and purposes, for a period, and
 * revocable at once.
 */
@ApplicationModule(displayName = "Consent", allowedDependencies = { "organisation", "policy", "web" })
package nl.schakel.consent;

import org.springframework.modulith.ApplicationModule;
