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
import nl.schakel.ids.CaseId;
import nl.schakel.ids.PersonId;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisations;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
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

	private final TimelinePages timelinePages;

	ContributionService(Contributions contributions, ParticipationRegistry participation,
			BasisRequirements requirements, DisclosureRequests requests, Organisations organisations,
			FieldCipher cipher, Clock clock, ApplicationEventPublisher events, TimelinePages timelinePages) {
		this.events = events;
		this.timelinePages = timelinePages;
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
	public UUID add(Access access, CaseId caseId, PersonId personId, ContributionRequest request) {
		Purpose purpose = Purpose.of(access);
		Actor author = access.actor();
		if (!this.participation.isAdmitted(caseId, author.organisation(), author.username(), purpose.code())) {
			throw new NotAParticipant();
		}
		LegalBasis basis = request.getLegalBasis();
		List<FieldProblem> problems = new ArrayList<>(
				this.requirements.check(basis, request.getCategory(), caseId.value(), author.organisation(),
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
		Contribution contribution = new Contribution(caseId.value(), author.username(), author.organisation(),
				request.getCategory(), basis, (basis == LegalBasis.CONSENT) ? request.getConsentId() : null,
				(basis == LegalBasis.STATUTORY) ? request.getStatutoryReference().strip() : null,
				(basis == LegalBasis.CONFLICT_OF_DUTIES)
						? BasisRequirements.justification(request.getConflictOfDuties()) : null,
				List.copyOf(audienceOrganisations), List.copyOf(audienceDomains), Instant.now(this.clock));
		contribution.seal(this.cipher.seal(request.getText().strip(), contribution.contentBinding()));
		UUID id = this.contributions.save(contribution).id();
		this.events
			.publishEvent(new ContributionAdded(caseId.value(), id, author.organisation(), contribution.createdAt()));
		return id;
	}

	/** The case's contributions as the gate needs them, content still sealed. */
	@Transactional(readOnly = true)
	public List<DisclosableItem> items(CaseId caseId) {
		Map<UUID, List<Grant>> grants = this.requests
			.findByCaseIdAndState(caseId.value(), DisclosureRequest.State.GRANTED)
			.stream()
			.collect(Collectors.groupingBy(DisclosureRequest::contributionId,
					Collectors.mapping(DisclosureRequest::grant, Collectors.toList())));
		return this.contributions.findByCaseIdOrderByCreatedAtAsc(caseId.value())
			.stream()
			.map((c) -> c.toItem(grants.getOrDefault(c.id(), List.of())))
			.toList();
	}

	/**
	 * One page of a case's timeline: at most {@code limit} contributions, the newest
	 * first, older than the given one when {@code olderThanCreatedAt} is set; only these
	 * are read (and so disclosed), however long the case has run.
	 */
	public List<DisclosableItem> items(CaseId caseId, Instant olderThanCreatedAt, UUID olderThanId, int limit) {
		return this.timelinePages.page(caseId.value(), olderThanCreatedAt, olderThanId, limit);
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
	public long countAddedSince(CaseId caseId, Instant since, String byOtherThan) {
		return this.contributions.countByCaseIdAndCreatedAtAfterAndAuthorOrganisationNot(caseId.value(), since,
				byOtherThan);
	}

}
