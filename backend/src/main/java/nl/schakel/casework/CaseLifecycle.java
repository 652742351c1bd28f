package nl.schakel.casework;

import java.util.List;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CloseReason;
import nl.schakel.casefile.TriageOutcome;
import nl.schakel.ids.OrganisationCode;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.Policy;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.security.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's life from the coordinator's side: moving it on, closing it (or declining it at
 * triage) and reopening it. Closing ends every partner's participation, so the gate finds
 * them no longer taking part; the steering safety house keeps reading it for
 * accountability only. Reopening brings the safety house back for every purpose; partners
 * are admitted again by the coordinator, one by one.
 */
@Service
public class CaseLifecycle {

	/** The purpose a closed case is read under (see {@code policies/purposes.yaml}). */
	public static final String ACCOUNTABILITY = "ACCOUNTABILITY";

	private final CaseFileService cases;

	private final ParticipationRegistry participation;

	private final OrganisationDirectory organisations;

	private final Policy policy;

	CaseLifecycle(CaseFileService cases, ParticipationRegistry participation, OrganisationDirectory organisations,
			Policy policy) {
		this.cases = cases;
		this.participation = participation;
		this.organisations = organisations;
		this.policy = policy;
	}

	/**
	 * Moves an open case on; a move to CLOSED needs a reason and goes to {@link #close}.
	 */
	@Transactional
	public CaseFacts move(Access access, CaseId id, CaseStatus target, CloseReason reason, String text) {
		CaseFacts facts = requireSteering(access, id);
		requireOpen(facts);
		if (target == CaseStatus.CLOSED && reason != null) {
			return close(access, id, reason, text);
		}
		return this.cases.move(access, id, target);
	}

	/** Closes the case with a reason; every partner's participation ends. */
	@Transactional
	public CaseFacts close(Access access, CaseId id, CloseReason reason, String text) {
		CaseFacts facts = requireSteering(access, id);
		requireOpen(facts);
		CaseFacts closed = this.cases.close(access, id, reason, text);
		endParticipation(access, closed);
		return closed;
	}

	/**
	 * The triage decision; advice only and declined close the case like a closure does.
	 */
	@Transactional
	public CaseFacts decideTriage(Access access, CaseId id, TriageOutcome outcome, String reason) {
		CaseFacts facts = requireSteering(access, id);
		requireOpen(facts);
		CaseFacts decided = this.cases.decideTriage(access, id, outcome, reason);
		if (!decided.open()) {
			endParticipation(access, decided);
		}
		return decided;
	}

	/**
	 * Reopens a closed or declined case with a reason. The safety house steers it again
	 * for every purpose; partners stay out until they are admitted again.
	 */
	@Transactional
	public CaseFacts reopen(Access access, CaseId id, String reason) {
		requireSteering(access, id);
		CaseFacts reopened = this.cases.reopen(access, id, reason);
		List<String> purposes = this.policy.purposes().stream().map((p) -> p.purpose().code()).toList();
		this.participation.restoreOnReopening(reopened.id(), safetyHouse(reopened).code(), purposes,
				access.actor().username());
		return reopened;
	}

	/**
	 * The facts of a case that takes writes. A closed or declined case answers
	 * {@link CaseClosed} to whoever took part in it or steers it; to anyone else it does
	 * not exist, as a case they never took part in does not.
	 */
	@Transactional(readOnly = true)
	public CaseFacts requireOpen(Access access, CaseId id) {
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		if (!facts.open()) {
			Actor actor = access.actor();
			if (!this.participation.tookPart(facts.id(), new OrganisationCode(actor.organisation()))) {
				throw new CaseNotFound();
			}
			throw new CaseClosed(facts.status(), facts.triageOutcome());
		}
		return facts;
	}

	private static void requireOpen(CaseFacts facts) {
		if (!facts.open()) {
			throw new CaseClosed(facts.status(), facts.triageOutcome());
		}
	}

	private void endParticipation(Access access, CaseFacts closed) {
		this.participation.endOnClosure(closed.id(), safetyHouse(closed).code(), List.of(ACCOUNTABILITY),
				access.actor().username());
	}

	private Organisation safetyHouse(CaseFacts facts) {
		return this.organisations.byId(facts.organisationId())
			.orElseThrow(() -> new IllegalStateException("A case's organisation is missing"));
	}

	/**
	 * Only the coordinator of the safety house that steers the case; anyone else finds no
	 * case.
	 */
	private CaseFacts requireSteering(Access access, CaseId id) {
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		Actor actor = access.actor();
		if (!(actor.has(Role.COORDINATOR) && actor.organisation().equals(safetyHouse(facts).code()))) {
			throw new CaseNotFound();
		}
		return facts;
	}

}
