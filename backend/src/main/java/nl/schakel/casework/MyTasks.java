package nl.schakel.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import nl.schakel.casefile.CaseFileService;
import nl.schakel.consent.ConsentRegistry;
import nl.schakel.consent.ConsentView;
import nl.schakel.contribution.DisclosureRequestView;
import nl.schakel.ids.OrganisationCode;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.plan.ActionSummary;
import nl.schakel.plan.PlanOfAction;
import nl.schakel.security.Access;
import nl.schakel.security.Actor;
import nl.schakel.security.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What awaits a user on their start page besides their cases: requests for their
 * decision, consents of their organisation the coordinator withdrew, their organisation's
 * actions still to do, and for a coordinator the house's overdue actions. Metadata of
 * one's own work only, as in {@link MyCases}: nothing here is a disclosure.
 */
@Service
class MyTasks {

	/**
	 * How long a coordinator's withdrawal of a consent stays on the holder's start page.
	 */
	static final Duration NOTICE_PERIOD = Duration.ofDays(30);

	private final ParticipationRegistry participation;

	private final CaseFileService cases;

	private final CaseContributions caseContributions;

	private final ConsentRegistry consents;

	private final PlanOfAction plan;

	private final Clock clock;

	MyTasks(ParticipationRegistry participation, CaseFileService cases, CaseContributions caseContributions,
			ConsentRegistry consents, PlanOfAction plan, Clock clock) {
		this.participation = participation;
		this.cases = cases;
		this.caseContributions = caseContributions;
		this.consents = consents;
		this.plan = plan;
		this.clock = clock;
	}

	/**
	 * The disclosure requests made of the current user that still await their decision,
	 * newest first.
	 */
	public List<DisclosureRequestView> openRequestsToMe(Access access) {
		if (!MyCases.takesPartInCases(access.actor())) {
			return List.of();
		}
		return this.caseContributions.inbox(access)
			.received()
			.stream()
			.filter((r) -> "OPEN".equals(r.state()))
			.toList();
	}

	/**
	 * The consents of the current user's organisation that the coordinator withdrew for
	 * the person in the last 30 days: the holder is told, since its information is no
	 * longer opened by them. The holder's own consents, so nothing here is a disclosure.
	 */
	@Transactional(readOnly = true)
	public List<WithdrawalNotice> consentsWithdrawnForMyOrganisation(Access access) {
		Actor actor = access.actor();
		if (!MyCases.takesPartInCases(actor) || actor.has(Role.COORDINATOR)) {
			return List.of();
		}
		List<ConsentView> withdrawn = this.consents.withdrawnForTheHolderSince(
				new OrganisationCode(actor.organisation()), Instant.now(this.clock).minus(NOTICE_PERIOD));
		Map<UUID, String> references = new HashMap<>();
		this.cases.facts(withdrawn.stream().map(ConsentView::caseId).filter(Objects::nonNull).toList())
			.forEach((c) -> references.put(c.id().value(), c.reference()));
		return withdrawn.stream()
			.filter((c) -> references.containsKey(c.caseId()))
			.map((c) -> new WithdrawalNotice(c.caseId(), references.get(c.caseId()), c.withdrawal().on(),
					c.withdrawal().reason(), c.withdrawal().recordedAt()))
			.toList();
	}

	/**
	 * The actions of the current user's organisation still to be done, in the cases it is
	 * admitted to today, soonest deadline first: whose, by when and where each stands
	 * (metadata; the description is read on the case page, through the gate).
	 */
	@Transactional(readOnly = true)
	public List<MyAction> myActions(Access access) {
		Actor actor = access.actor();
		if (!MyCases.takesPartInCases(actor) || actor.has(Role.COORDINATOR)) {
			return List.of();
		}
		Map<UUID, List<String>> admissions = this.participation.admissionsOf(actor.organisation(), actor.username());
		List<ActionSummary> pending = this.plan.pendingFor(new OrganisationCode(actor.organisation()))
			.stream()
			.filter((a) -> admissions.containsKey(a.caseId()))
			.toList();
		Map<UUID, String> references = new HashMap<>();
		this.cases.facts(pending.stream().map(ActionSummary::caseId).distinct().toList())
			.forEach((c) -> references.put(c.id().value(), c.reference()));
		return pending.stream()
			.map((a) -> new MyAction(a.caseId(), references.get(a.caseId()), a.id(), a.due(), a.status().name(),
					a.overdue()))
			.toList();
	}

	/**
	 * For a coordinator: the actions of the own safety house's cases that are past their
	 * deadline, soonest first, as metadata (reference, responsible organisation,
	 * deadline).
	 */
	@Transactional(readOnly = true)
	public List<OverdueAction> overdueInMyHouse(Access access) {
		if (!access.actor().has(Role.COORDINATOR)) {
			return List.of();
		}
		List<ActionSummary> overdue = this.plan.overdue();
		Map<UUID, String> references = new HashMap<>();
		this.cases.ofOwnSafetyHouse(access, overdue.stream().map(ActionSummary::caseId).distinct().toList())
			.forEach((c) -> references.put(c.id().value(), c.reference()));
		return overdue.stream()
			.filter((a) -> references.containsKey(a.caseId()))
			.map((a) -> new OverdueAction(a.caseId(), references.get(a.caseId()), a.id(), a.due(), a.organisation()))
			.toList();
	}

	/**
	 * An action past its deadline in one of the coordinator's cases, with the
	 * organisation responsible.
	 */
	record OverdueAction(UUID caseId, String reference, UUID actionId, LocalDate due, String organisation) {
	}

	/** An action of the user's organisation, as its start page lists it. */
	record MyAction(UUID caseId, String reference, UUID actionId, LocalDate due, String status, boolean overdue) {
	}

	/**
	 * A consent of the user's organisation that the coordinator withdrew for the person.
	 */
	record WithdrawalNotice(UUID caseId, String reference, LocalDate on, String reason, Instant recordedAt) {
	}

}
