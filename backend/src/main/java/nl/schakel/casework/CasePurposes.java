package nl.schakel.casework;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.web.ChosenPurposes;

import org.springframework.stereotype.Component;

/**
 * The purpose a user chose when opening a case in the UI, kept per case in the session,
 * so every page of that case works under it and shows it.
 */
@Component
public class CasePurposes {

	private final Policy policy;

	CasePurposes(Policy policy) {
		this.policy = policy;
	}

	/**
	 * The purpose chosen for this case in this session, if any; other features' case
	 * pages work under it. The request's {@code Access} carries the same purpose
	 * (resolved from the same session store at the edge); this checks it against the
	 * policy in force.
	 */
	public Optional<Purpose> of(HttpSession session, UUID caseId) {
		return ChosenPurposes.of(session, caseId).flatMap(this.policy::purpose);
	}

	void choose(HttpSession session, UUID caseId, Purpose purpose) {
		ChosenPurposes.choose(session, caseId, purpose.code());
	}

	void forget(HttpSession session, UUID caseId) {
		ChosenPurposes.forget(session, caseId);
	}

}
