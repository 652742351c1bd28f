package nl.schakel.casework;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.contribution.ContributionService;
import nl.schakel.contribution.DisclosureRequestService;
import nl.schakel.contribution.DisclosureRequestView;
import nl.schakel.contribution.GrantDecision;
import nl.schakel.ids.ContributionId;
import nl.schakel.ids.PersonId;
import nl.schakel.security.Access;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contributions and disclosure requests on a case: a caseworker taking part adds what
 * their organisation knows and asks the author of an existence-only item to disclose it;
 * the author grants or refuses. A closed case takes none of these.
 */
@Service
public class CaseContributions {

	private final CaseFileService cases;

	private final ContributionService contributions;

	private final DisclosureRequestService requests;

	private final CaseLifecycle lifecycle;

	CaseContributions(CaseFileService cases, ContributionService contributions, DisclosureRequestService requests,
			CaseLifecycle lifecycle) {
		this.cases = cases;
		this.contributions = contributions;
		this.requests = requests;
		this.lifecycle = lifecycle;
	}

	/** Adds a contribution; the author must take part in the case for the purpose. */
	@Transactional
	public UUID contribute(Access access, CaseId id, ContributionRequest request) {
		Caseworkers.require(access);
		CaseFacts facts = this.lifecycle.requireOpen(access, id);
		return this.contributions.add(access, facts.id(), new PersonId(facts.personId()), request);
	}

	/** Asks the author of an existence-only item to disclose it. */
	@Transactional
	public DisclosureRequestView requestDisclosure(Access access, CaseId id, ContributionId contributionId,
			String reason) {
		Caseworkers.require(access);
		CaseFacts facts = this.lifecycle.requireOpen(access, id);
		return this.requests.request(access, facts.id(), contributionId, reason);
	}

	/** Grants a disclosure request; only the item's author may. */
	@Transactional
	public DisclosureRequestView grantDisclosure(Access access, UUID requestId, GrantDecision decision) {
		CaseFacts facts = this.lifecycle.requireOpen(access, new CaseId(this.requests.caseOf(requestId)));
		return this.requests.grant(access, requestId, new PersonId(facts.personId()), decision);
	}

	@Transactional
	public DisclosureRequestView refuseDisclosure(Access access, UUID requestId, String reason) {
		this.lifecycle.requireOpen(access, new CaseId(this.requests.caseOf(requestId)));
		return this.requests.refuse(access, requestId, reason);
	}

	/** The requests made by and of the current user, each with its case's reference. */
	@Transactional(readOnly = true)
	public DisclosureRequestService.Inbox inbox(Access access) {
		DisclosureRequestService.Inbox inbox = this.requests.inbox(access);
		Map<UUID, String> references = new HashMap<>();
		this.cases
			.facts(Stream.concat(inbox.sent().stream(), inbox.received().stream())
				.map(DisclosureRequestView::caseId)
				.collect(Collectors.toSet()))
			.forEach((c) -> references.put(c.id().value(), c.reference()));
		return new DisclosureRequestService.Inbox(
				inbox.sent().stream().map((r) -> r.withCaseReference(references.get(r.caseId()))).toList(),
				inbox.received().stream().map((r) -> r.withCaseReference(references.get(r.caseId()))).toList());
	}

}
