/**
 * Cases (casussen): one person of concern, one trajectory from referral to closure,
 * steered by a coordinator of the safety house.
 */
@ApplicationModule(displayName = "Case file",
		allowedDependencies = { "crypto", "disclosure", "organisation", "person", "security", "web" })
package nl.schakel.casefile;

import org.springframework.modulith.ApplicationModule;
