package nl.schakel.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;
import nl.schakel.contribution.ContributionService;
import nl.schakel.ids.CaseId;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.security.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own work: the cases they take part in with the purposes they are admitted for,
 * what was added since their last visit (counted, never shown) and the requests addressed
 * to them. Metadata of one's own admissions only: nothing here is case content, so
 * nothing is recorded as a disclosure. A coordinator's cases are their own safety
 * house's; auditors and administrators take part in no case. What else awaits the user on
 * their start page is {@link MyTasks}.
 */
@Service
class MyCases {

	/** How many cases a start page and the API list at most (the newest). */
	static final int LIMIT = 100;

	private final ParticipationRegistry participation;

	private final CaseFileService cases;

	private final ContributionService contributions;

	MyCases(ParticipationRegistry participation, CaseFileService cases, ContributionService contributions) {
		this.participation = participation;
		this.cases = cases;
		this.contributions = contributions;
	}

	/** The current user's cases, newest first. */
	@Transactional(readOnly = true)
	public List<MyCase> cases(Access access) {
		Actor actor = access.actor();
		if (!takesPartInCases(actor)) {
			return List.of();
		}
		Map<UUID, List<String>> admissions = this.participation.admissionsOf(actor.organisation(), actor.username());
		List<CaseFacts> facts = actor.has(Role.COORDINATOR) ? this.cases.page(access, null, LIMIT).cases()
				: this.cases.facts(admissions.keySet()).stream().limit(LIMIT).toList();
		Map<UUID, Instant> visits = this.participation.lastVisits(actor.username());
		return facts.stream().map((c) -> {
			UUID id = c.id().value();
			Instant last = visits.get(id);
			long added = this.contributions.countAddedSince(c.id(), (last != null) ? last : Instant.EPOCH,
					actor.organisation());
			return new MyCase(id, c.reference(), c.status(), c.caseType(), c.openedOn(),
					admissions.getOrDefault(id, List.of()), last, added);
		}).toList();
	}

	/**
	 * The purposes the current user is admitted to this case for today. Empty for a case
	 * they are not admitted to as for one that does not exist: callers must not tell the
	 * two apart.
	 */
	@Transactional(readOnly = true)
	public List<String> admittedPurposes(Access access, CaseId caseId) {
		Actor actor = access.actor();
		if (!takesPartInCases(actor)) {
			return List.of();
		}
		return this.participation.admittedPurposes(caseId, actor.organisation(), actor.username());
	}

	/**
	 * The reference of a case the current user is admitted to, to name it where they
	 * choose a purpose; empty for any other case, so the page reveals nothing about cases
	 * they are not in.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<String> referenceOfAdmitted(Access access, CaseId caseId) {
		if (admittedPurposes(access, caseId).isEmpty()) {
			return java.util.Optional.empty();
		}
		return this.cases.facts(java.util.Set.of(caseId.value())).stream().findFirst().map(CaseFacts::reference);
	}

	/**
	 * The admitted purpose to open the case under without asking, when exactly one fits.
	 */
	public java.util.Optional<String> onlyPurpose(Access access, CaseId caseId) {
		List<String> purposes = admittedPurposes(access, caseId);
		return (purposes.size() == 1) ? java.util.Optional.of(purposes.get(0)) : java.util.Optional.empty();
	}

	/** Marks that the current user opened the case's page now. */
	@Transactional
	public void visited(Access access, CaseId caseId) {
		this.participation.visited(caseId, access.actor().username());
	}

	static boolean takesPartInCases(Actor actor) {
		return actor.has(Role.COORDINATOR) || actor.has(Role.CARE_PROFESSIONAL) || actor.has(Role.JUSTICE_PROFESSIONAL)
				|| actor.has(Role.MUNICIPAL_PROFESSIONAL);
	}

	/**
	 * One case on a user's own list.
	 *
	 * @param purposes the purpose codes the user is admitted for today
	 * @param lastVisit when the user last opened the case, or {@code null}
	 * @param newSinceLastVisit contributions other organisations added since then
	 */
	record MyCase(UUID id, String reference, CaseStatus status, CaseType caseType, LocalDate openedOn,
			List<String> purposes, Instant lastVisit, long newSinceLastVisit) {

		/** The purpose to open the case under without asking. */
		String onlyPurpose() {
			return (this.purposes.size() == 1) ? this.purposes.get(0) : null;
		}

	}

}
