package nl.schakel.casework;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.organisation.Organisation;
import nl.schakel.security.Access;
import nl.schakel.security.Actor;
import nl.schakel.security.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who does casework, and who steers a case: the two questions every use case asks first.
 */
final class Caseworkers {

	private Caseworkers() {
	}

	/**
	 * Only people who do casework write it: the coordinator and the professionals.
	 * Auditors and administrators work for the safety house, whose organisation takes
	 * part in every case, but they never add to one.
	 */
	static void require(Access access) {
		Actor actor = access.actor();
		if (!(actor.has(Role.COORDINATOR) || actor.has(Role.CARE_PROFESSIONAL) || actor.has(Role.JUSTICE_PROFESSIONAL)
				|| actor.has(Role.MUNICIPAL_PROFESSIONAL))) {
			throw new AccessDeniedException("No casework for this role");
		}
	}

	/** The coordinator of the safety house whose case it is steers it. */
	static boolean steer(Access access, CaseFacts facts, Organisation caseOrganisation) {
		Actor actor = access.actor();
		return actor.has(Role.COORDINATOR) && actor.organisation().equals(caseOrganisation.code());
	}

}
