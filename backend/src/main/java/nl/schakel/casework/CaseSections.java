package nl.schakel.casework;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.consent.ConsentView;
import nl.schakel.disclosure.Audience;
import nl.schakel.disclosure.CaseSubject;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.DisclosureGate;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.Outcome;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.ParticipantView;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import nl.schakel.security.Access;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One section of the case page read on its own, with what that section needs and nothing
 * more: after an admission or a consent the page does not read the whole dossier through
 * the gate again, so no contribution is disclosed (and logged) for a write that showed
 * none. Who takes part and which consents exist are the case's metadata; a reader gets
 * them only where the full page would have shown them.
 */
@Service
public class CaseSections {

	private final CaseFileService cases;

	private final ParticipationRegistry participation;

	private final OrganisationDirectory organisations;

	private final CaseConsents consents;

	private final DisclosureGate gate;

	private final Clock clock;

	CaseSections(CaseFileService cases, ParticipationRegistry participation, OrganisationDirectory organisations,
			CaseConsents consents, DisclosureGate gate, Clock clock) {
		this.cases = cases;
		this.participation = participation;
		this.organisations = organisations;
		this.consents = consents;
		this.gate = gate;
		this.clock = clock;
	}

	/**
	 * The participants section for a reader who opens it: the case's header passes the
	 * gate (one record, as when the page opens; no contribution is read), then the list
	 * of participants. A refusal commits the gate's record of it (and spends a bulk-read
	 * token) before answering as for a case that does not exist.
	 */
	@Transactional(noRollbackFor = CaseNotFound.class)
	public ParticipantsSection participants(Access access, CaseId id) {
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		Organisation house = houseOf(facts);
		CaseSubject subject = new CaseSubject(facts.id().value(), facts.personId(), !facts.open());
		DisclosableItem header = new DisclosableItem(ItemKind.CASE, facts.id().value(), DataCategory.IDENTITY,
				LegalBasis.PUBLIC_TASK, null, house.code(), Audience.everyParticipant(),
				facts.openedOn().atStartOfDay(this.clock.getZone()).toInstant(), null);
		Outcome outcome = this.gate.read(access, subject, List.of(header)).of(facts.id().value()).orElseThrow();
		if (!outcome.permitted()) {
			throw new CaseNotFound();
		}
		return section(access, facts, house);
	}

	/**
	 * The participants section after its coordinator admitted or removed one: the write
	 * has just checked that this reader steers the case, and the list is what they
	 * changed, so nothing passes the gate. Anyone else gets the same answer as for a case
	 * that does not exist.
	 */
	@Transactional(readOnly = true)
	public ParticipantsSection participantsAfterChange(Access access, CaseId id) {
		CaseFacts facts = this.cases.ofOwnSafetyHouse(access, id);
		Organisation house = houseOf(facts);
		if (!Caseworkers.steer(access, facts, house)) {
			throw new CaseNotFound();
		}
		return section(access, facts, house);
	}

	/**
	 * The case's status and the moves now possible, after its coordinator moved, closed
	 * or reopened it: the write has just checked that this reader steers the case, and
	 * the status is the case's metadata, so nothing passes the gate. Anyone else gets the
	 * same answer as for a case that does not exist.
	 */
	@Transactional(readOnly = true)
	public StatusSection statusAfterChange(Access access, CaseId id) {
		CaseFacts facts = this.cases.ofOwnSafetyHouse(access, id);
		if (!Caseworkers.steer(access, facts, houseOf(facts))) {
			throw new CaseNotFound();
		}
		return new StatusSection(facts, true);
	}

	/**
	 * The case as its contribution form needs it, for a caseworker admitted to it: the
	 * form answers with itself and what its author just wrote, so nothing passes the
	 * gate. Anyone else gets the same answer as for a case that does not exist.
	 */
	@Transactional(readOnly = true)
	public CaseFacts contributing(Access access, CaseId id) {
		Caseworkers.require(access);
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		if (this.participation.admittedPurposes(facts.id(), access.actor().organisation(), access.actor().username())
			.isEmpty()) {
			throw new CaseNotFound();
		}
		return facts;
	}

	/**
	 * The consents section: for a participant of the case only, and each consent shown is
	 * recorded, as on the full page.
	 */
	@Transactional(noRollbackFor = CaseNotFound.class)
	public ConsentsSection consents(Access access, CaseId id) {
		List<ConsentView> shown = this.consents.list(access, id);
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		return new ConsentsSection(facts, Caseworkers.steer(access, facts, houseOf(facts)), shown);
	}

	/**
	 * The question before a removal, for the coordinator who steers the case: the section
	 * shows only the participant asked about (named by its id in the address), so the
	 * question reads nothing the coordinator did not name.
	 */
	@Transactional(readOnly = true)
	public ParticipantsSection removalQuestion(Access access, CaseId id, UUID participantId) {
		ParticipantsSection section = participantsAfterChange(access, id);
		List<ParticipantView> asked = section.participants()
			.stream()
			.filter((p) -> p.id().equals(participantId) && p.active())
			.toList();
		if (asked.isEmpty()) {
			throw new CaseNotFound();
		}
		return new ParticipantsSection(section.facts(), section.steering(), section.steeringHouse(), asked);
	}

	private ParticipantsSection section(Access access, CaseFacts facts, Organisation house) {
		return new ParticipantsSection(facts, Caseworkers.steer(access, facts, house), house.code(),
				this.participation.participants(facts.id()));
	}

	private Organisation houseOf(CaseFacts facts) {
		return this.organisations.byId(facts.organisationId())
			.orElseThrow(() -> new IllegalStateException("A case's organisation is missing"));
	}

	/**
	 * Who takes part in a case, for its section.
	 *
	 * @param steeringHouse the code of the safety house that steers the case, which stays
	 */
	public record ParticipantsSection(CaseFacts facts, boolean steering, String steeringHouse,
			List<ParticipantView> participants) {
	}

	/** A case's status and whether the reader steers it (and so may move it on). */
	public record StatusSection(CaseFacts facts, boolean steering) {
	}

	/** The consents of a case, for its section. */
	public record ConsentsSection(CaseFacts facts, boolean steering, List<ConsentView> consents) {
	}

}
