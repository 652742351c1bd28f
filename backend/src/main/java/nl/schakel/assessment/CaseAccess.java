package nl.schakel.assessment;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.ids.OrganisationCode;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.security.Role;

import java.time.ZoneOffset;

import nl.schakel.disclosure.Audience;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may write to a case here: a participant admitted for the purpose, to an open case.
 * A closed case answers 409 to whoever took part in it and, like a case one never took
 * part in, 404 to anyone else — but for the follow-up of a case closed after its plan:
 * the partner responsible for a moment still due records its follow-up assessment or the
 * intervention's outcome ({@link #followUpWritable}).
 */
@Component
class CaseAccess {

	private final CaseFileService cases;

	private final ParticipationRegistry participation;

	private final OrganisationDirectory organisations;

	private final FollowUps followUps;

	private final java.time.Clock clock;

	CaseAccess(CaseFileService cases, ParticipationRegistry participation, OrganisationDirectory organisations,
			FollowUps followUps, java.time.Clock clock) {
		this.cases = cases;
		this.participation = participation;
		this.organisations = organisations;
		this.followUps = followUps;
		this.clock = clock;
	}

	/**
	 * As {@link #writable}, and on a case closed after its plan for the partner that took
	 * part (admitted, this professional for this purpose, until the closure — not removed
	 * before it) and is responsible for a follow-up moment due now, before the case's
	 * erasure date: only the follow-up assessment and the outcome call this.
	 */
	CaseFacts followUpWritable(CaseId id, Actor actor, Purpose purpose) {
		if (actor.actingRole().filter(CaseAccess::casework).isPresent()) {
			CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
			if (!facts.open()
					&& this.participation.wasAdmittedAtClosure(facts.id(), new OrganisationCode(actor.organisation()),
							actor.username(), purpose.code(), facts.closedOn())
					&& this.followUps.dueOnClosedCase(facts, actor.organisation(),
							java.time.LocalDate.now(this.clock))) {
				return facts;
			}
		}
		return writable(id, actor, purpose);
	}

	/**
	 * The purposes this professional may follow up this closed case under: those of the
	 * admission the closure ended, when the organisation has a moment of it due now, as
	 * {@link #followUpWritable} asks. Empty for an open case and for anyone else.
	 */
	java.util.List<String> followUpPurposes(CaseFacts facts, Actor actor) {
		if (facts.open() || actor.actingRole().filter(CaseAccess::casework).isEmpty()
				|| !OrganisationCode.isWellFormed(actor.organisation())
				|| !this.followUps.dueOnClosedCase(facts, actor.organisation(), java.time.LocalDate.now(this.clock))) {
			return java.util.List.of();
		}
		return this.participation.purposesAdmittedAtClosure(facts.id(), new OrganisationCode(actor.organisation()),
				actor.username(), facts.closedOn());
	}

	/**
	 * Whether the closure ended an admission of this professional (whether or not a
	 * moment is due now).
	 */
	boolean admittedAtClosure(CaseFacts facts, Actor actor) {
		return !facts.open() && actor.actingRole().filter(CaseAccess::casework).isPresent()
				&& OrganisationCode.isWellFormed(actor.organisation())
				&& !this.participation
					.purposesAdmittedAtClosure(facts.id(), new OrganisationCode(actor.organisation()), actor.username(),
							facts.closedOn())
					.isEmpty();
	}

	/** Whether the actor is admitted to the case today, for any purpose. */
	boolean admittedForAny(CaseFacts facts, Actor actor) {
		return !this.participation.admittedPurposes(facts.id(), actor.organisation(), actor.username()).isEmpty();
	}

	CaseFacts writable(CaseId id, Actor actor, Purpose purpose) {
		// auditors and administrators see no case content, let alone write it
		if (actor.actingRole().filter(CaseAccess::casework).isEmpty()) {
			throw new AccessDeniedException("Only professionals and coordinators record assessments and interventions");
		}
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		if (!facts.open()) {
			if (!this.participation.tookPart(facts.id(), new OrganisationCode(actor.organisation()))) {
				throw new CaseNotFound();
			}
			throw new CaseClosed(facts.status(), facts.triageOutcome());
		}
		if (!this.participation.isAdmitted(facts.id(), actor.organisation(), actor.username(), purpose.code())) {
			throw new CaseNotFound();
		}
		return facts;
	}

	private static boolean casework(Role role) {
		return role == Role.COORDINATOR || role == Role.CARE_PROFESSIONAL || role == Role.JUSTICE_PROFESSIONAL
				|| role == Role.MUNICIPAL_PROFESSIONAL;
	}

	/**
	 * The case header as the gate sees it, read with the case's items: whether the reader
	 * may know the case at all is the gate's decision (and its denial is logged), exactly
	 * as on the case page. It carries no content here.
	 */
	DisclosableItem header(CaseFacts facts) {
		String house = this.organisations.byId(facts.organisationId())
			.map(Organisation::code)
			.orElseThrow(() -> new IllegalStateException("A case's organisation is missing"));
		return new DisclosableItem(ItemKind.CASE, facts.id().value(), DataCategory.IDENTITY, LegalBasis.PUBLIC_TASK,
				null, house, Audience.everyParticipant(), facts.openedOn().atStartOfDay(ZoneOffset.UTC).toInstant(),
				null);
	}

	CaseFacts existing(CaseId id) {
		return this.cases.facts(id).orElseThrow(CaseNotFound::new);
	}

	boolean admitted(CaseFacts facts, Actor actor, Purpose purpose) {
		return this.participation.isAdmitted(facts.id(), actor.organisation(), actor.username(), purpose.code());
	}

	/**
	 * The organisation was admitted to this case (a partner delivering part of its plan).
	 */
	boolean participates(CaseFacts facts, String organisation) {
		// a code as typed; one no organisation could have takes part in nothing
		return OrganisationCode.isWellFormed(organisation)
				&& this.participation.tookPart(facts.id(), new OrganisationCode(organisation));
	}

	/** The coordinator of the safety house that steers this case. */
	boolean steers(CaseFacts facts, Actor actor) {
		return actor.actingRole().filter((r) -> r == Role.COORDINATOR).isPresent()
				&& this.organisations.byId(facts.organisationId())
					.map((o) -> o.code().equals(actor.organisation()))
					.orElse(false);
	}

	/**
	 * The organisations taking part in the case now: who can deliver part of an
	 * intervention.
	 */
	java.util.List<String> participants(CaseFacts facts) {
		return this.participation.participants(facts.id())
			.stream()
			.filter(nl.schakel.participation.ParticipantView::active)
			.map(nl.schakel.participation.ParticipantView::organisation)
			.distinct()
			.toList();
	}

	/**
	 * Whether the actor may write to the case for the purpose now (the forms are shown
	 * only then).
	 */
	boolean canWrite(CaseId id, Actor actor, Purpose purpose) {
		try {
			writable(id, actor, purpose);
			return true;
		}
		catch (CaseNotFound | CaseClosed | AccessDeniedException ex) {
			return false;
		}
	}

	Domain domainOf(Actor actor) {
		return this.organisations.byCode(actor.organisation()).map(Organisation::domain).orElse(null);
	}

	/**
	 * Every organisation's display name by its code: pages say "GGZ Midden", not
	 * "ggz-midden".
	 */
	java.util.Map<String, String> names() {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		this.organisations.all().forEach((o) -> names.put(o.code(), o.name()));
		return names;
	}

	String nameOf(String organisation) {
		return this.organisations.byCode(organisation).map(Organisation::name).orElse(organisation);
	}

}
