/**
 * The plan of action (plan van aanpak): actions an admitted organisation carries out in a
 * case, with a deadline and a status it reports on, each description and progress note
 * sealed and read through the disclosure gate; and the rules the plan sets on the case's
 * status.
 */
@ApplicationModule(displayName = "Plan of action", allowedDependencies = { "casefile", "crypto", "disclosure",
		"organisation", "participation", "policy", "security", "web" })
package nl.schakel.plan;

import org.springframework.modulith.ApplicationModule;
