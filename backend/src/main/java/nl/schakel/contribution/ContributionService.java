package nl.schakel.contribution;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.schakel.crypto.FieldCipher;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.Grant;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisations;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.PolicyOffers;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.security.Role;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds contributions: the author must take part in the case for the purpose, the legal
 * basis must carry what it needs, and the text is sealed before it is stored.
 */
@Service
public class ContributionService {

	private final Contributions contributions;

	private final ParticipationRegistry participation;

	private final BasisRequirements requirements;

	private final DisclosureRequests requests;

	private final Organisations organisations;

	private final FieldCipher cipher;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PolicyOffers offers;

	ContributionService(Contributions contributions, ParticipationRegistry participation,
			BasisRequirements requirements, DisclosureRequests requests, Organisations organisations,
			FieldCipher cipher, Clock clock, ApplicationEventPublisher events, PolicyOffers offers) {
		this.events = events;
		this.offers = offers;
		this.contributions = contributions;
		this.participation = participation;
		this.requirements = requirements;
		this.requests = requests;
		this.organisations = organisations;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * Adds a contribution to the case of this person. Throws {@link NotAParticipant} when
	 * the author is not admitted for the purpose, {@link InvalidInput} when the basis
	 * lacks what it needs.
	 */
	@Transactional
	public UUID add(Access access, UUID caseId, UUID personId, ContributionRequest request) {
		Purpose purpose = Purpose.of(access);
		Actor author = access.actor();
		if (!this.participation.isAdmitted(caseId, author.organisation(), author.username(), purpose.code())) {
			throw new NotAParticipant();
		}
		LegalBasis basis = request.getLegalBasis();
		List<FieldProblem> problems = new ArrayList<>(offered(author, request));
		problems.addAll(this.requirements.check(basis, request.getCategory(), caseId, author.organisation(),
				request.getConsentId(), request.getStatutoryReference(), request.getConflictOfDuties()));
		problems.addAll(this.requirements.checkSecrecyBreach(basis, request.getCategory(), author,
				request.isSecrecyBreachConfirmed()));
		Set<String> audienceOrganisations = new LinkedHashSet<>();
		for (String code : nonNull(request.getAudienceOrganisations())) {
			if (isBlank(code)) {
				continue;
			}
			if (this.organisations.findByCode(code.strip()).isEmpty()) {
				problems.add(this.requirements.problem("audienceOrganisations",
						"contribution.audience.unknownOrganisation"));
			}
			else {
				audienceOrganisations.add(code.strip());
			}
		}
		Set<String> audienceDomains = new LinkedHashSet<>();
		for (String domain : nonNull(request.getAudienceDomains())) {
			if (isBlank(domain)) {
				continue;
			}
			try {
				audienceDomains.add(Domain.valueOf(domain.strip()).name());
			}
			catch (IllegalArgumentException ex) {
				problems.add(this.requirements.problem("audienceDomains", "contribution.audience.unknownDomain"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		// by default an item is shared with nobody but the author's own organisation
		audienceOrganisations.add(author.organisation());
		Contribution contribution = new Contribution(caseId, author.username(), author.organisation(),
				request.getCategory(), basis, (basis == LegalBasis.CONSENT) ? request.getConsentId() : null,
				(basis == LegalBasis.STATUTORY) ? request.getStatutoryReference().strip() : null,
				(basis == LegalBasis.CONFLICT_OF_DUTIES)
						? BasisRequirements.justification(request.getConflictOfDuties()) : null,
				List.copyOf(audienceOrganisations), List.copyOf(audienceDomains), Instant.now(this.clock));
		contribution.seal(this.cipher.seal(request.getText().strip(), contribution.contentBinding()));
		UUID id = this.contributions.save(contribution).id();
		this.events.publishEvent(new ContributionAdded(caseId, id, author.organisation(), contribution.createdAt()));
		return id;
	}

	/** The case's contributions as the gate needs them, content still sealed. */
	@Transactional(readOnly = true)
	public List<DisclosableItem> items(UUID caseId) {
		Map<UUID, List<Grant>> grants = this.requests.findByCaseIdAndState(caseId, DisclosureRequest.State.GRANTED)
			.stream()
			.collect(Collectors.groupingBy(DisclosureRequest::contributionId,
					Collectors.mapping(DisclosureRequest::grant, Collectors.toList())));
		return this.contributions.findByCaseIdOrderByCreatedAtAsc(caseId)
			.stream()
			.map((c) -> c.toItem(grants.getOrDefault(c.id(), List.of())))
			.toList();
	}

	/**
	 * One page of a case's timeline: at most {@code limit} contributions, the newest
	 * first, older than the given one when {@code olderThanCreatedAt} is set; only these
	 * are read (and so disclosed), however long the case has run.
	 */
	public List<DisclosableItem> items(UUID caseId, Instant olderThanCreatedAt, UUID olderThanId, int limit) {
		List<Contribution> page = (olderThanCreatedAt == null)
				? this.contributions.findByCaseIdOrderByCreatedAtDescIdDesc(caseId, Limit.of(limit))
				: this.contributions.findOlder(caseId, olderThanCreatedAt, olderThanId, Limit.of(limit));
		if (page.isEmpty()) {
			return List.of();
		}
		Set<UUID> ids = page.stream().map(Contribution::id).collect(Collectors.toSet());
		Map<UUID, List<Grant>> grants = this.requests.findByCaseIdAndState(caseId, DisclosureRequest.State.GRANTED)
			.stream()
			.filter((request) -> ids.contains(request.contributionId()))
			.collect(Collectors.groupingBy(DisclosureRequest::contributionId,
					Collectors.mapping(DisclosureRequest::grant, Collectors.toList())));
		return page.stream().map((c) -> c.toItem(grants.getOrDefault(c.id(), List.of()))).toList();
	}

	/**
	 * Only what the form offers the author's role: a category the policy lets that role
	 * hold in a case, on a basis it could have received it on ({@link PolicyOffers}).
	 */
	private List<FieldProblem> offered(Actor author, ContributionRequest request) {
		if (request.getCategory() == null || request.getLegalBasis() == null) {
			return List.of();
		}
		Role role = author.actingRole().orElse(null);
		if (!this.offers.categories(role).contains(request.getCategory())) {
			return List.of(this.requirements.problem("category", "contribution.category.notForRole"));
		}
		if (!this.offers.mayContribute(role, request.getCategory(), request.getLegalBasis())) {
			return List.of(this.requirements.problem("legalBasis", "contribution.legalBasis.notForCategory"));
		}
		return List.of();
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static List<String> nonNull(List<String> values) {
		return (values == null) ? List.of() : values;
	}

	/**
	 * How many contributions other organisations added to the case after the moment: a
	 * count for a participant's start page, never their content.
	 */
	@Transactional(readOnly = true)
	public long countAddedSince(UUID caseId, Instant since, String byOtherThan) {
		return this.contributions.countByCaseIdAndCreatedAtAfterAndAuthorOrganisationNot(caseId, since, byOtherThan);
	}

}
