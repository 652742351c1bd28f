/**
 * The case meeting (casusoverleg): a safety house's meeting with an agenda of its cases,
 * the admitted organisations invited, attendance per organisation, and minutes per case
 * that are sealed like a contribution and read through the disclosure gate.
 */
@ApplicationModule(displayName = "Case meeting", allowedDependencies = { "casefile", "crypto", "disclosure",
		"organisation", "participation", "plan", "policy", "security", "web" })
package nl.schakel.meeting;

import org.springframework.modulith.ApplicationModule;
