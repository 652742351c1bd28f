package nl.schakel.e2e;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The privacy core through the browser (issue 6: "a professional's session sees only what
 * the policy allows"). The place for that story once the disclosure gate lands: a coordinator
 * (Keycloak user {@code coordinator}) registers a case and admits {@code ggz} and
 * {@code politie}; {@code ggz} contributes a HEALTH item; {@code politie} logs in at
 * Keycloak, opens the case for a purpose and sees that GGZ holds information (existence only)
 * but not its content; the disclosure log records the denial. Use
 * {@link CoordinatorRegistersACaseE2E#logInAtKeycloak} and {@link Browser#arriveAt} so every
 * page is audited for accessibility, and a fresh {@link Browser} per user.
 */
class ProfessionalSeesWhatThePolicyAllowsE2E extends EndToEndTest {

	@Test
	@Disabled("waits for the privacy core (issue 3): contributions, participation and the disclosure gate")
	void aPoliceOfficerSeesThatCareHoldsInformationButNotWhat() {
	}

}
