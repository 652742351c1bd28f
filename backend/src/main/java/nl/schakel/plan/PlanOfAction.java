package nl.schakel.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.StatusPrecondition;
import nl.schakel.crypto.FieldCipher;
import nl.schakel.disclosure.CaseSubject;
import nl.schakel.ids.OrganisationCode;
import nl.schakel.security.Channel;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.DisclosureGate;
import nl.schakel.disclosure.Outcome;
import nl.schakel.disclosure.Reading;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.ParticipantView;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.security.Role;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan of action of a case. The coordinator steering the case assigns actions to
 * admitted organisations; each organisation reports on its own actions (the coordinator
 * on any), with a progress note that is sealed like a contribution. Descriptions and
 * notes are read through the gate; deadlines and statuses are metadata. The plan also
 * holds the case back: no PLAN without an action, no MONITORING while an action is still
 * open.
 */
@Service
public class PlanOfAction implements StatusPrecondition {

	/** The longest description or progress note (the form's and the API's limit). */
	static final int MAX_TEXT = 2000;

	private final CaseActions actions;

	private final ActionNotes notes;

	private final CaseFileService cases;

	private final ParticipationRegistry participation;

	private final OrganisationDirectory organisations;

	private final DisclosureGate gate;

	private final FieldCipher cipher;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	PlanOfAction(CaseActions actions, ActionNotes notes, CaseFileService cases, ParticipationRegistry participation,
			OrganisationDirectory organisations, DisclosureGate gate, FieldCipher cipher,
			ApplicationEventPublisher events, MessageSource messages, Clock clock) {
		this.messages = messages;
		this.actions = actions;
		this.notes = notes;
		this.cases = cases;
		this.participation = participation;
		this.organisations = organisations;
		this.gate = gate;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Assigns an action to an organisation admitted to the case. Only the coordinator of
	 * the safety house that steers the case may; a closed case takes none.
	 */
	@Transactional
	public ActionSummary assign(Access access, CaseId id, NewAction action) {
		Actor actor = access.actor();
		CaseFacts facts = requireSteering(access, id);
		requireOpen(facts, actor);
		List<FieldProblem> problems = new ArrayList<>();
		if (action.description() == null || action.description().isBlank()) {
			problems.add(problem("description", "plan.description.required"));
		}
		else if (action.description().strip().length() > MAX_TEXT) {
			problems.add(problem("description", "plan.text.size"));
		}
		if (action.organisation() == null || action.organisation().isBlank()) {
			problems.add(problem("organisation", "plan.organisation.required"));
		}
		else if (!admittedOrganisations(facts.id()).contains(action.organisation().strip())) {
			problems.add(problem("organisation", "plan.organisation.notAdmitted"));
		}
		if (action.due() == null) {
			problems.add(problem("due", "plan.due.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		CaseAction assigned = new CaseAction(facts.id().value(), action.organisation().strip(), action.due(),
				actor.username(), actor.organisation(), Instant.now(this.clock), action.meetingId());
		assigned.seal(this.cipher.seal(action.description().strip(), assigned.descriptionBinding()));
		this.actions.save(assigned);
		this.events.publishEvent(
				new ActionAssigned(assigned.caseId(), assigned.id(), assigned.organisation(), assigned.due()));
		return assigned.summary(today());
	}

	/**
	 * Records a status change of an action with its progress note. The responsible
	 * organisation's professionals admitted to the case report on their own actions; the
	 * coordinator steering the case on any. Cancelling needs a reason.
	 */
	@Transactional
	public ActionSummary report(Access access, CaseId id, UUID actionId, StatusUpdate update) {
		Actor actor = access.actor();
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		boolean steers = steers(facts, actor);
		boolean admitted = !this.participation.admittedPurposes(facts.id(), actor.organisation(), actor.username())
			.isEmpty();
		if (!steers && !(admitted && worksOnCases(actor))) {
			requireOpen(facts, actor);
			throw new CaseNotFound();
		}
		requireOpen(facts, actor);
		CaseAction action = this.actions.findById(actionId)
			.filter((a) -> a.caseId().equals(facts.id().value()))
			.orElseThrow(ActionNotFound::new);
		if (!steers && !action.organisation().equals(actor.organisation())) {
			throw new NotYourAction();
		}
		List<FieldProblem> problems = new ArrayList<>();
		String note = (update.note() == null || update.note().isBlank()) ? null : update.note().strip();
		if (update.status() == null) {
			problems.add(problem("status", "plan.status.required"));
		}
		else if (update.status() == ActionStatus.CANCELLED && note == null) {
			problems.add(problem("note", "plan.note.cancelReason"));
		}
		if (note != null && note.length() > MAX_TEXT) {
			problems.add(problem("note", "plan.text.size"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = Instant.now(this.clock);
		action.changeStatus(update.status(), actor.username(), now);
		ActionNote reported = new ActionNote(action.id(), action.caseId(), update.status(), actor.username(),
				actor.organisation(), now);
		if (note != null) {
			reported.seal(this.cipher.seal(note, reported.contentBinding()));
		}
		this.notes.save(reported);
		return action.summary(today());
	}

	/**
	 * The case's plan as the reader may see it: one read through the gate for every
	 * description and progress note. Empty for a reader who takes no part in the case for
	 * the purpose, after the denials are recorded.
	 */
	@Transactional
	public Optional<List<ActionView>> read(Access access, CaseId id) {
		CaseFacts facts = this.cases.facts(id).orElse(null);
		// auditors and administrators work for the safety house but read no case's plan
		if (facts == null || !worksOnCases(access.actor())) {
			return Optional.empty();
		}
		List<CaseAction> plan = this.actions.findByCaseIdOrderByDueAscAssignedAtAsc(facts.id().value());
		List<ActionNote> reports = this.notes.findByCaseIdOrderByCreatedAtAsc(facts.id().value());
		List<DisclosableItem> items = new ArrayList<>();
		plan.forEach((a) -> items.add(a.toItem()));
		reports.stream().filter(ActionNote::hasText).forEach((n) -> items.add(n.toItem()));
		Reading reading = this.gate.read(access, new CaseSubject(facts.id().value(), facts.personId(), !facts.open()),
				items);
		if (reading.participation() == Participation.NOT_PARTICIPANT) {
			return Optional.empty();
		}
		LocalDate today = today();
		Map<UUID, List<ActionNote>> byAction = reports.stream().collect(Collectors.groupingBy(ActionNote::actionId));
		return Optional.of(plan.stream().map((a) -> {
			Outcome description = reading.of(a.id()).orElseThrow();
			List<ActionView.Note> shown = byAction.getOrDefault(a.id(), List.of()).stream().map((n) -> {
				Outcome text = n.hasText() ? reading.of(n.id()).orElseThrow() : null;
				return new ActionView.Note(n.id(), n.status(), n.authorOrganisation(), n.createdAt(),
						(text != null) ? text.content().orElse(null) : null,
						(text != null) ? text.decision().effect() : null);
			}).toList();
			return new ActionView(a.id(), a.caseId(), description.content().orElse(null),
					description.decision().effect(), a.organisation(), a.due(), a.status(), a.overdue(today),
					a.assignedBy(), a.assignedAt(), a.meetingId(), shown);
		}).toList());
	}

	/**
	 * The actions of these cases as metadata (for a meeting's agenda), soonest deadline
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<ActionSummary> summaries(Collection<UUID> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		LocalDate today = today();
		return this.actions.findByCaseIdInOrderByDueAsc(caseIds).stream().map((a) -> a.summary(today)).toList();
	}

	/**
	 * An organisation's actions still to be done, soonest deadline first: metadata for
	 * its start page.
	 */
	@Transactional(readOnly = true)
	public List<ActionSummary> pendingFor(OrganisationCode organisation) {
		LocalDate today = today();
		return this.actions
			.findByOrganisationAndStatusInOrderByDueAsc(organisation.value(),
					EnumSet.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
			.stream()
			.map((a) -> a.summary(today))
			.toList();
	}

	/**
	 * Every action past its deadline and not yet done or cancelled, as metadata (for
	 * reminders).
	 */
	@Transactional(readOnly = true)
	public List<ActionSummary> overdue() {
		LocalDate today = today();
		return this.actions
			.findByStatusInAndDueBeforeOrderByDueAsc(EnumSet.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS), today)
			.stream()
			.map((a) -> a.summary(today))
			.toList();
	}

	/** The organisations admitted to the case today: who an action can be assigned to. */
	@Transactional(readOnly = true)
	public List<String> admittedOrganisations(CaseId caseId) {
		LocalDate today = today();
		return this.participation.participants(caseId)
			.stream()
			.filter(ParticipantView::active)
			.filter((p) -> p.validUntil() == null || !p.validUntil().isBefore(today))
			.map(ParticipantView::organisation)
			.distinct()
			.sorted()
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Refusal> refusal(CaseId id, CaseStatus from, CaseStatus to) {
		List<CaseAction> plan = this.actions.findByCaseIdOrderByDueAscAssignedAtAsc(id.value());
		if (to == CaseStatus.PLAN && plan.stream().allMatch((a) -> a.status() == ActionStatus.CANCELLED)) {
			return Optional.of(new Refusal("plan-needs-an-action",
					"A case moves to PLAN only when its plan of action has at least one action that is not cancelled",
					"plan.status.needsAction"));
		}
		if (to == CaseStatus.MONITORING && plan.stream().anyMatch((a) -> a.status().pending())) {
			return Optional.of(new Refusal("plan-actions-unfinished",
					"A case moves to MONITORING only when every action of its plan is done or cancelled",
					"plan.status.actionsUnfinished"));
		}
		return Optional.empty();
	}

	/**
	 * One action as metadata, for the answer to its report: whose, by when, where it
	 * stands.
	 */
	@Transactional(readOnly = true)
	Optional<ActionSummary> summary(CaseId id, UUID actionId) {
		return this.actions.findById(actionId)
			.filter((a) -> a.caseId().equals(id.value()))
			.map((a) -> a.summary(today()));
	}

	/** What is wrong with a field, in the reader's language. */
	private FieldProblem problem(String field, String code) {
		return new FieldProblem(field, this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Only the coordinator of the safety house steering the case; anyone else finds no
	 * case.
	 */
	private CaseFacts requireSteering(Access access, CaseId id) {
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		if (!steers(facts, access.actor())) {
			throw new CaseNotFound();
		}
		return facts;
	}

	private boolean steers(CaseFacts facts, Actor actor) {
		return actor.has(Role.COORDINATOR) && this.organisations.byId(facts.organisationId())
			.map(Organisation::code)
			.filter(actor.organisation()::equals)
			.isPresent();
	}

	/**
	 * A closed case takes no writes: who took part in it learns that it is closed, anyone
	 * else that there is no such case (as for casework's other writes).
	 */
	private void requireOpen(CaseFacts facts, Actor actor) {
		if (!facts.open()) {
			if (!this.participation.tookPart(facts.id(), new OrganisationCode(actor.organisation()))) {
				throw new CaseNotFound();
			}
			throw new CaseClosed(facts.status(), facts.triageOutcome());
		}
	}

	private static boolean worksOnCases(Actor actor) {
		return actor.has(Role.COORDINATOR) || actor.has(Role.CARE_PROFESSIONAL) || actor.has(Role.JUSTICE_PROFESSIONAL)
				|| actor.has(Role.MUNICIPAL_PROFESSIONAL);
	}

}
