package nl.schakel.contribution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.schakel.consent.ConsentRegistry;
import nl.schakel.ids.CaseId;
import nl.schakel.ids.ContributionId;
import nl.schakel.ids.PersonId;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.Organisations;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.AccessRequest;
import nl.schakel.policy.AudienceRelation;
import nl.schakel.policy.Decision;
import nl.schakel.policy.EffectiveBasis;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyDecision;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.RoleDefinition;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disclosure requests for existence-only items: a participant asks, the author decides.
 * Every step is audited (Envers, with the purpose and request id of the revision).
 */
@Service
public class DisclosureRequestService {

	private final DisclosureRequests requests;

	private final Contributions contributions;

	private final ParticipationRegistry participation;

	private final BasisRequirements requirements;

	private final Clock clock;

	private final Policy policy;

	private final Organisations organisations;

	private final ConsentRegistry consents;

	private final RequestDeadlines deadlines;

	private final ApplicationEventPublisher events;

	DisclosureRequestService(DisclosureRequests requests, Contributions contributions,
			ParticipationRegistry participation, BasisRequirements requirements, Clock clock, Policy policy,
			Organisations organisations, ConsentRegistry consents, RequestDeadlines deadlines,
			ApplicationEventPublisher events) {
		this.deadlines = deadlines;
		this.events = events;
		this.policy = policy;
		this.organisations = organisations;
		this.consents = consents;
		this.requests = requests;
		this.contributions = contributions;
		this.participation = participation;
		this.requirements = requirements;
		this.clock = clock;
	}

	/**
	 * Asks the author of an item to disclose it; the requester must take part in the case
	 * for the purpose.
	 */
	@Transactional
	public DisclosureRequestView request(Access access, CaseId caseId, ContributionId contributionId, String reason) {
		Purpose purpose = Purpose.of(access);
		Actor requester = access.actor();
		Contribution contribution = this.contributions.findById(contributionId.value())
			.filter((c) -> c.caseId().equals(caseId.value()))
			.orElseThrow(NotAParticipant::new);
		if (!this.participation.isAdmitted(caseId, requester.organisation(), requester.username(), purpose.code())) {
			throw new NotAParticipant();
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput(List.of(this.requirements.problem("reason", "request.reason.required")));
		}
		if (reason.length() > 2000) {
			throw new InvalidInput(List.of(this.requirements.problem("reason", "request.reason.size")));
		}
		Instant now = Instant.now(this.clock);
		LocalDate due = this.deadlines.dueFor(LocalDate.ofInstant(now, this.clock.getZone()));
		DisclosureRequest request = new DisclosureRequest(caseId.value(), contributionId.value(), requester.username(),
				requester.organisation(), purpose.code(), reason.strip(), now, due);
		DisclosureRequestView made = this.requests.save(request).view(contribution);
		this.events.publishEvent(new DisclosureRequested(made.id(), caseId.value(), contribution.author(),
				contribution.authorOrganisation(), requester.organisation(), due, now));
		return made;
	}

	/** Grants the request; only the item's author may. */
	@Transactional
	public DisclosureRequestView grant(Access access, UUID requestId, PersonId personId, GrantDecision decision) {
		DisclosureRequest request = this.requests.findById(requestId).orElseThrow(NotAParticipant::new);
		Contribution contribution = ownedByCurrentActor(access, request);
		List<FieldProblem> problems = new ArrayList<>();
		if (decision.basis() == null) {
			problems.add(this.requirements.problem("basis", "request.basis.required"));
		}
		else {
			problems.addAll(this.requirements.check(decision.basis(), contribution.category(), contribution.caseId(),
					contribution.authorOrganisation(), decision.consentId(), decision.statutoryReference(),
					decision.conflictOfDuties()));
			problems.addAll(this.requirements.checkSecrecyBreach(decision.basis(), contribution.category(),
					access.actor(), decision.secrecyBreachConfirmed()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		requireEffect(request, contribution, decision);
		request.grant(access.actor().username(), Instant.now(this.clock), decision.basis(), decision.toOrganisation(),
				decision.consentId(), BasisRequirements.strip(decision.statutoryReference()),
				(decision.conflictOfDuties() != null) ? BasisRequirements.justification(decision.conflictOfDuties())
						: null);
		return answered(this.requests.save(request), contribution, true);
	}

	/** Refuses the request with a reason; only the item's author may. */
	@Transactional
	public DisclosureRequestView refuse(Access access, UUID requestId, String reason) {
		DisclosureRequest request = this.requests.findById(requestId).orElseThrow(NotAParticipant::new);
		Contribution contribution = ownedByCurrentActor(access, request);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput(List.of(this.requirements.problem("refusalReason", "request.refusal.required")));
		}
		if (reason.length() > 2000) {
			throw new InvalidInput(List.of(this.requirements.problem("refusalReason", "request.reason.size")));
		}
		request.refuse(access.actor().username(), Instant.now(this.clock), reason.strip());
		return answered(this.requests.save(request), contribution, false);
	}

	private DisclosureRequestView answered(DisclosureRequest request, Contribution contribution, boolean granted) {
		this.events.publishEvent(new DisclosureRequestAnswered(request.id(), request.caseId(), request.requester(),
				request.requesterOrganisation(), granted, Instant.now(this.clock)));
		return request.view(contribution);
	}

	/**
	 * The open requests whose deadline is on or before the given day, with their holder,
	 * for reminding: no reason and no content.
	 */
	@Transactional(readOnly = true)
	public List<OpenRequestDeadline> openDueBy(LocalDate day) {
		List<DisclosureRequest> open = this.requests.findByStateAndDueLessThanEqual(DisclosureRequest.State.OPEN, day);
		Map<UUID, Contribution> items = this.contributions
			.findAllByIdIn(open.stream().map(DisclosureRequest::contributionId).toList())
			.stream()
			.collect(Collectors.toMap(Contribution::id, Function.identity()));
		return open.stream().filter((r) -> items.containsKey(r.contributionId())).map((r) -> {
			Contribution item = items.get(r.contributionId());
			return new OpenRequestDeadline(r.id(), r.caseId(), item.author(), item.authorOrganisation(), r.due());
		}).toList();
	}

	/**
	 * The case a request belongs to, for whoever may see the request (requester or
	 * author).
	 */
	@Transactional(readOnly = true)
	public UUID caseOf(UUID requestId) {
		return this.requests.findById(requestId).map(DisclosureRequest::caseId).orElseThrow(NotAParticipant::new);
	}

	/** The current user's inbox: what they asked for, and what others asked of them. */
	@Transactional(readOnly = true)
	public Inbox inbox(Access access) {
		Actor actor = access.actor();
		List<DisclosureRequest> mine = this.requests.findByRequesterOrderByRequestedAtDesc(actor.username());
		Map<UUID, Contribution> authored = this.contributions.findByAuthor(actor.username())
			.stream()
			.collect(Collectors.toMap(Contribution::id, Function.identity()));
		List<DisclosureRequestView> toMe = authored.isEmpty() ? List.of()
				: this.requests.findByContributionIdInOrderByRequestedAtDesc(authored.keySet())
					.stream()
					.map((r) -> r.view(authored.get(r.contributionId())))
					.toList();
		Map<UUID, Contribution> asked = this.contributions
			.findAllByIdIn(mine.stream().map(DisclosureRequest::contributionId).toList())
			.stream()
			.collect(Collectors.toMap(Contribution::id, Function.identity()));
		return new Inbox(mine.stream().map((r) -> r.view(asked.get(r.contributionId()))).toList(), toMe);
	}

	/**
	 * Refuses a grant the access policy would not honour: the requester's roles (those of
	 * their organisation's domain), admitted to the case, asking for the request's
	 * purpose, with the item's category on the basis granted, must be permitted by some
	 * rule.
	 */
	private void requireEffect(DisclosureRequest request, Contribution contribution, GrantDecision decision) {
		Optional<Purpose> purpose = this.policy.purpose(request.purpose());
		Optional<Domain> domain = this.organisations.findByCode(request.requesterOrganisation())
			.map(Organisation::domain);
		if (purpose.isEmpty() || domain.isEmpty()) {
			throw new GrantChangesNothing("The request's purpose or the requester's organisation is no longer known.");
		}
		boolean consentCovers = decision.basis() == LegalBasis.CONSENT && decision.consentId() != null
				&& this.consents.coverage(List.of(decision.consentId()))
					.covers(decision.consentId(), contribution.caseId(), contribution.authorOrganisation(),
							request.requesterOrganisation(), domain.get().name(), contribution.category().name(),
							purpose.get().code());
		EffectiveBasis basis = EffectiveBasis.of(decision.basis(), consentCovers);
		PolicyDecision refusal = null;
		for (RoleDefinition role : this.policy.roles()) {
			if (!role.domain().equals(domain)) {
				continue;
			}
			PolicyDecision decided = this.policy.decide(new AccessRequest(role.role(), purpose.get(),
					contribution.category(), basis, AudienceRelation.IN_AUDIENCE, Participation.PARTICIPANT));
			if (decided.effect() == Decision.PERMIT) {
				return;
			}
			refusal = (refusal == null) ? decided : refusal;
		}
		throw new GrantChangesNothing((refusal != null) ? refusal.ruleDescription()
				: "No role of the requester's organisation may see case content.");
	}

	private Contribution ownedByCurrentActor(Access access, DisclosureRequest request) {
		Contribution contribution = this.contributions.findById(request.contributionId())
			.orElseThrow(NotAParticipant::new);
		if (!contribution.author().equals(access.actor().username())) {
			throw new NotAParticipant();
		}
		return contribution;
	}

	/** Requests the user made, and requests made of the user as author. */
	public record Inbox(List<DisclosureRequestView> sent, List<DisclosureRequestView> received) {
	}

}
