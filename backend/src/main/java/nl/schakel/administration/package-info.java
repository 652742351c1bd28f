/**
 * Administration (beheer): what functional administrators look after — the partner
 * organisations, the accounts and roles the identity provider reports, and the policy in
 * force — read-only here, and never any case data.
 */
@ApplicationModule(displayName = "Administration", allowedDependencies = { "organisation", "policy", "security" })
package nl.schakel.administration;

import org.springframework.modulith.ApplicationModule;
