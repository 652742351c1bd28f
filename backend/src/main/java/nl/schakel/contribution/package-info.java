/**
 * Contributions (inbreng): information one professional adds to a case, with its data
 * category, legal basis and audience. The text is sealed on the way in; reading it is the
 * disclosure gate's business.
 */
@ApplicationModule(displayName = "Contribution", allowedDependencies = { "consent", "crypto", "disclosure",
		"organisation", "participation", "policy", "security", "web" })
package nl.schakel.contribution;

import org.springframework.modulith.ApplicationModule;
