package nl.schakel.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.consent.ConsentEvidence;
import nl.schakel.consent.ConsentRegistry;
import nl.schakel.consent.ConsentScope;
import nl.schakel.consent.ConsentView;
import nl.schakel.consent.NewConsent;
import nl.schakel.consent.Withdrawer;
import nl.schakel.ids.ConsentId;
import nl.schakel.security.Channel;
import nl.schakel.disclosure.DisclosureLog;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.security.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consents of one case, for its participants: the holder records and withdraws its
 * own, the coordinator steering the case records a withdrawal the person made at the
 * safety house, and every participant may see them — each consent shown is a disclosure
 * in the log, because its scope reveals that its holder has information of those
 * categories. A participant of another case of the same person gets the same 404 as for a
 * case that does not exist.
 */
@Service
public class CaseConsents {

	/** The log's rule for a consent's scope shown to a participant of its case. */
	static final String RULE = "consent-scope-to-participant";

	private final CaseFileService cases;

	private final ParticipationRegistry participation;

	private final ConsentRegistry consents;

	private final OrganisationDirectory organisations;

	private final DisclosureLog log;

	private final CaseLifecycle lifecycle;

	CaseConsents(CaseFileService cases, ParticipationRegistry participation, ConsentRegistry consents,
			OrganisationDirectory organisations, DisclosureLog log, CaseLifecycle lifecycle) {
		this.cases = cases;
		this.lifecycle = lifecycle;
		this.participation = participation;
		this.consents = consents;
		this.organisations = organisations;
		this.log = log;
	}

	/** The case's consents, for a participant; each one shown is recorded. */
	@Transactional
	public List<ConsentView> list(Access access, CaseId id) {
		requireCaseworker(access);
		return shownIn(access, requireParticipant(access, id));
	}

	/**
	 * The case's consents as shown to a participant who has just opened it, recorded in
	 * the caller's transaction. The caller has made sure the reader takes part in the
	 * case.
	 */
	@Transactional
	List<ConsentView> shownIn(Access access, CaseFacts facts) {
		if (!isCaseworker(access.actor())) {
			return List.of();
		}
		List<ConsentView> shown = this.consents.onCase(facts.id());
		// one event for the consents shown together, as the gate writes one per read
		this.log.recordMetadata(access,
				shown.stream()
					.map((consent) -> new DisclosureLog.Metadata(ItemKind.CONSENT, facts.id().value(), facts.personId(),
							consent.id(), Purpose.of(access), LegalBasis.PUBLIC_TASK.name(), RULE, access.channel()))
					.toList());
		return shown;
	}

	/**
	 * Records a consent on the case for the recorder's own organisation: it opens that
	 * organisation's information in this case, and no other.
	 * @param holder the organisation the caller says it records for; {@code null} for the
	 * recorder's own; any other is refused
	 */
	@Transactional
	public ConsentView record(Access access, CaseId id, ConsentScope scope, ConsentEvidence evidence, String holder) {
		requireCaseworker(access);
		// a closed case takes no writes: 409 to whoever took part, 404 to anyone else
		this.lifecycle.requireOpen(access, id);
		CaseFacts facts = requireParticipant(access, id);
		Actor actor = access.actor();
		if (holder != null && !holder.isBlank() && !holder.equals(actor.organisation())) {
			throw new AccessDeniedException("A consent is recorded by the organisation that holds the information");
		}
		return this.consents.record(new NewConsent(facts.id().value(), facts.personId(), actor.organisation(), scope,
				evidence, actor.username()));
	}

	/**
	 * Withdraws a consent of the case: its holder, or the coordinator steering the case
	 * with a reason.
	 */
	@Transactional
	public ConsentView withdraw(Access access, CaseId id, ConsentId consentId, LocalDate on, String reason) {
		requireCaseworker(access);
		this.lifecycle.requireOpen(access, id);
		CaseFacts facts = requireParticipant(access, id);
		Actor actor = access.actor();
		boolean steers = actor.has(Role.COORDINATOR) && this.organisations.byId(facts.organisationId())
			.map((o) -> o.code().equals(actor.organisation()))
			.orElse(false);
		return this.consents.withdraw(facts.id(), consentId,
				new Withdrawer(actor.username(), actor.organisation(), steers), on, reason);
	}

	private CaseFacts requireParticipant(Access access, CaseId id) {
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		Actor actor = access.actor();
		if (!this.participation.isAdmitted(facts.id(), actor.organisation(), actor.username(),
				Purpose.of(access).code())) {
			throw new CaseNotFound();
		}
		return facts;
	}

	private static void requireCaseworker(Access access) {
		if (!isCaseworker(access.actor())) {
			throw new AccessDeniedException("No casework for this role");
		}
	}

	private static boolean isCaseworker(Actor actor) {
		return actor.has(Role.COORDINATOR) || actor.has(Role.CARE_PROFESSIONAL) || actor.has(Role.JUSTICE_PROFESSIONAL)
				|| actor.has(Role.MUNICIPAL_PROFESSIONAL);
	}

}
