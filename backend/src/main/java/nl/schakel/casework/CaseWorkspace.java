package nl.schakel.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.casefile.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.casefile.ReferralDetails;
import nl.schakel.casefile.RegisterCaseRequest;
import nl.schakel.consent.ConsentView;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.contribution.ContributionService;
import nl.schakel.contribution.DisclosureRequestService;
import nl.schakel.contribution.DisclosureRequestView;
import nl.schakel.contribution.GrantDecision;
import nl.schakel.database.ReadOnlyLoads;
import nl.schakel.disclosure.Audience;
import nl.schakel.disclosure.CaseSubject;
import nl.schakel.security.Channel;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.DisclosureGate;
import nl.schakel.disclosure.DisclosureLog;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.Outcome;
import nl.schakel.disclosure.Reading;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.Admission;
import nl.schakel.participation.BreakGlassLimitReached;
import nl.schakel.participation.BreakGlassReason;
import nl.schakel.participation.BreakGlassView;
import nl.schakel.participation.ParticipantView;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.person.PersonId;
import nl.schakel.person.PersonRegistry;
import nl.schakel.person.PersonSummary;
import nl.schakel.policy.BreakGlass;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeDefinition;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.security.Role;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work on one case, for coordinators and professionals. Reads go through the
 * {@link DisclosureGate}; a reader who may not know of the case gets
 * {@link CaseOpening.NotVisible} — after the denial is recorded, which is why this returns
 * instead of throwing inside the transaction.
 */
@Service
public class CaseWorkspace {

	/** The longest username a participation can name (the database column's width). */
	static final int MAX_USERNAME = 100;

	private final CaseFileService cases;

	private final PersonRegistry persons;

	private final ParticipationRegistry participation;

	private final CaseConsents consents;

	private final ContributionService contributions;

	private final OrganisationDirectory organisations;

	private final ReadOnlyLoads readOnlyLoads;

	private final DisclosureGate gate;

	private final DisclosureLog log;

	private final Policy policy;

	private final DisclosureRequestService requests;

	private final MessageSource messages;

	private final Clock clock;

	private final CaseLifecycle lifecycle;

	CaseWorkspace(CaseFileService cases, PersonRegistry persons, ParticipationRegistry participation,
			CaseConsents consents, ContributionService contributions, OrganisationDirectory organisations,
			DisclosureGate gate, DisclosureLog log, Policy policy, DisclosureRequestService requests,
			MessageSource messages, Clock clock, ReadOnlyLoads readOnlyLoads, CaseLifecycle lifecycle) {
		this.cases = cases;
		this.persons = persons;
		this.participation = participation;
		this.consents = consents;
		this.contributions = contributions;
		this.organisations = organisations;
		this.gate = gate;
		this.log = log;
		this.policy = policy;
		this.requests = requests;
		this.messages = messages;
		this.clock = clock;
		this.readOnlyLoads = readOnlyLoads;
		this.lifecycle = lifecycle;
	}

	/**
	 * Registers a referral as a case and admits the coordinator's own safety house to it for
	 * every purpose the policy knows, so the coordinator can steer it.
	 */
	@Transactional
	@PreAuthorize("hasRole('COORDINATOR')")
	public CaseFacts registerReferral(Access access, RegisterCaseRequest request) {
		Actor coordinator = access.actor();
		CaseFacts facts = this.cases.register(access, request);
		List<String> purposes = this.policy.purposes().stream().map((p) -> p.purpose().code()).toList();
		this.participation.admit(facts.id().value(),
				new Admission(coordinator.organisation(), List.of(), purposes, null), coordinator.username());
		return facts;
	}

	/** Opens the case under a purpose with the newest page of its timeline. */
	@Transactional
	public CaseOpening open(Access access, CaseId id) {
		return open(access, id, TimelinePage.first());
	}

	/**
	 * Opens the case under a purpose: one read through the gate for the header and one page
	 * of contributions (only those are disclosed).
	 */
	@Transactional
	public CaseOpening open(Access access, CaseId id, TimelinePage page) {
		Purpose purpose = Purpose.of(access);
		// a read changes nothing it loads: spare the flush its dirty check (the log rows are new)
		this.readOnlyLoads.fromHereOn();
		CaseFacts facts = this.cases.facts(id).orElse(null);
		if (facts == null) {
			return new CaseOpening.NotVisible();
		}
		Organisation caseOrganisation = this.organisations.byId(facts.organisationId())
			.orElseThrow(() -> new IllegalStateException("A case's organisation is missing"));
		CaseSubject subject = new CaseSubject(facts.id().value(), facts.personId(), !facts.open());
		CaseFileService.SealedReferral referral = this.cases.referral(id).orElse(null);
		List<DisclosableItem> items = new ArrayList<>();
		items.add(new DisclosableItem(ItemKind.CASE, facts.id().value(), DataCategory.IDENTITY, LegalBasis.PUBLIC_TASK,
				null, caseOrganisation.code(), Audience.everyParticipant(),
				facts.openedOn().atStartOfDay(this.clock.getZone()).toInstant(),
				(referral != null) ? referral.details() : null));
		// one more than the page, to know whether older entries exist; only the page is read
		List<DisclosableItem> contributions = this.contributions.items(facts.id().value(), page.olderThanCreatedAt(),
				page.olderThanId(), page.size() + 1);
		boolean older = contributions.size() > page.size();
		items.addAll(older ? contributions.subList(0, page.size()) : contributions);
		Reading reading = this.gate.read(access, subject, items);
		Outcome header = reading.of(facts.id().value()).orElseThrow();
		if (!header.permitted()) {
			return new CaseOpening.NotVisible();
		}
		PersonSummary person = this.persons.summary(new PersonId(facts.personId())).orElseThrow();
		Map<String, String> names = this.organisations.all()
			.stream()
			.collect(Collectors.toMap(Organisation::code, Organisation::name));
		List<TimelineEntry> timeline = reading.visible()
			.stream()
			.filter((o) -> o.item().kind() == ItemKind.CONTRIBUTION)
			.map((o) -> new TimelineEntry(o.item().id(), o.item().holder(),
					names.getOrDefault(o.item().holder(), o.item().holder()), o.item().category(),
					o.item().createdAt(), o.decision().effect(), o.content().orElse(null), o.decision().ruleId(),
					o.decision().ruleDescription(), o.decision().requiresReview()))
			.sorted(java.util.Comparator.comparing(TimelineEntry::createdAt).thenComparing(TimelineEntry::id))
			.toList();
		String olderTimeline = older ? TimelinePage.cursor(contributions.get(page.size() - 1)) : null;
		PurposeDefinition purposeDefinition = this.policy.purposes()
			.stream()
			.filter((p) -> p.purpose().equals(purpose))
			.findFirst()
			.orElseThrow();
		// a consent's scope is for the participants of its case, and showing it is logged
		List<ConsentView> consentViews = (reading.participation() == Participation.PARTICIPANT)
				? this.consents.shownIn(access, facts) : List.of();
		BreakGlassView breakGlass = (reading.participation() == Participation.BREAK_GLASS)
				? this.participation.activeBreakGlass(facts.id().value(), access.actor().username()).orElse(null)
				: null;
		return new CaseOpening.Visible(new CaseDossier(facts, person, purposeDefinition,
				(referral != null) ? referral.facts() : null,
				header.content().map(ReferralDetails::fromJson).orElse(null),
				this.participation.participants(facts.id().value()), consentViews, timeline,
				steers(access, facts, caseOrganisation), breakGlass, olderTimeline));
	}

	/**
	 * Opens emergency access to a case for the current user, if the policy lets their role,
	 * with a written reason, for the policy's duration. Every read under it is flagged.
	 */
	@Transactional(noRollbackFor = BreakGlassLimitReached.class)
	public BreakGlassView openBreakGlass(Access access, CaseId id, String reason) {
		Actor actor = access.actor();
		BreakGlass rules = this.policy.breakGlass();
		if (rules.roles().stream().noneMatch(actor::has)) {
			throw new BreakGlassNotAllowed();
		}
		// emergency access is the safety house's own: another house's case is as good as missing
		this.cases.ofOwnSafetyHouse(access, id);
		CaseFacts facts = this.lifecycle.requireOpen(access, id);
		if (!BreakGlassReason.isSufficient(reason)) {
			throw InvalidInput.of("reason", this.messages.getMessage("breakGlass.reason.required", null,
					"breakGlass.reason.required", LocaleContextHolder.getLocale()));
		}
		if (reason.length() > 2000) {
			throw InvalidInput.of("reason", "At most 2000 characters");
		}
		return this.participation.openBreakGlass(facts.id().value(), actor.username(), actor.organisation(), reason,
				rules.duration(), rules.maxOpeningsPerDay());
	}

	/**
	 * The known-to check: is this person known to the safety house? Answers with the
	 * coordinator's contact for an open case, never with case content. The search itself and
	 * every "known" answer are recorded.
	 */
	@Transactional
	public KnownTo knownTo(Access access, PersonQuery query) {
		requireCaseworker(access);
		Purpose purpose = Purpose.of(access);
		Channel channel = access.channel();
		if (!this.policy.allowsKnownTo(purpose)) {
			throw new KnownToPurposeNotAllowed();
		}
		List<PersonId> found = query.bsn().isPresent() ? this.persons.findByBsn(query.bsn().get()).stream().toList()
				: this.persons.findByNameAndDateOfBirth(query.name(), query.dateOfBirth());
		List<KnownTo.Contact> contacts = new ArrayList<>();
		CaseSubject searched = null;
		for (PersonId person : found) {
			for (CaseFacts facts : this.cases.openCasesOf(person.value())) {
				searched = new CaseSubject(facts.id().value(), person.value());
				this.log.recordMetadata(access, new DisclosureLog.Metadata(ItemKind.KNOWN_TO, facts.id().value(), person.value(),
						facts.id().value(), purpose, LegalBasis.PUBLIC_TASK.name(), KnownTo.RULE, channel));
				Organisation safetyHouse = this.organisations.byId(facts.organisationId()).orElseThrow();
				contacts.add(new KnownTo.Contact(safetyHouse.name(), facts.coordinator()));
			}
		}
		this.log.recordMetadata(access, new DisclosureLog.Metadata(ItemKind.PERSON_SEARCH,
				(searched != null) ? searched.caseId() : null, (searched != null) ? searched.personId() : null, null,
				purpose, LegalBasis.PUBLIC_TASK.name(), KnownTo.SEARCH_RULE, channel));
		return new KnownTo(!contacts.isEmpty(), contacts.stream().distinct().toList());
	}

	@Transactional
	public CaseFacts decideTriage(Access access, CaseId id, nl.schakel.casefile.TriageOutcome outcome, String reason) {
		return this.lifecycle.decideTriage(access, id, outcome, reason);
	}

	/** Asks the author of an existence-only item to disclose it. */
	@Transactional
	public DisclosureRequestView requestDisclosure(Access access, CaseId id, UUID contributionId, String reason) {
		requireCaseworker(access);
		CaseFacts facts = this.lifecycle.requireOpen(access, id);
		return this.requests.request(access, facts.id().value(), contributionId, reason);
	}

	/** Grants a disclosure request; only the item's author may. */
	@Transactional
	public DisclosureRequestView grantDisclosure(Access access, UUID requestId, GrantDecision decision) {
		CaseFacts facts = this.lifecycle.requireOpen(access, new CaseId(this.requests.caseOf(requestId)));
		return this.requests.grant(access, requestId, facts.personId(), decision);
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
		java.util.Map<UUID, String> references = new java.util.HashMap<>();
		this.cases.facts(java.util.stream.Stream.concat(inbox.sent().stream(), inbox.received().stream())
			.map(DisclosureRequestView::caseId)
			.collect(java.util.stream.Collectors.toSet())).forEach((c) -> references.put(c.id().value(), c.reference()));
		return new DisclosureRequestService.Inbox(
				inbox.sent().stream().map((r) -> r.withCaseReference(references.get(r.caseId()))).toList(),
				inbox.received().stream().map((r) -> r.withCaseReference(references.get(r.caseId()))).toList());
	}

	/** Adds a contribution; the author must take part in the case for the purpose. */
	@Transactional
	public UUID contribute(Access access, CaseId id, ContributionRequest request) {
		requireCaseworker(access);
		CaseFacts facts = this.lifecycle.requireOpen(access, id);
		return this.contributions.add(access, facts.id().value(), facts.personId(), request);
	}

	/** Admits an organisation to the case; only the coordinator steering the case may. */
	@Transactional
	public ParticipantView admit(Access access, CaseId id, Admission admission) {
		requireSteering(access, id);
		CaseFacts facts = this.lifecycle.requireOpen(access, id);
		List<FieldProblem> problems = new ArrayList<>();
		if (admission.organisation() == null || this.organisations.byCode(admission.organisation()).isEmpty()) {
			problems.add(new FieldProblem("organisation", "Unknown organisation"));
		}
		else if (this.organisations.byCode(admission.organisation())
			.filter((o) -> o.domain() == Domain.SAFETY_HOUSE && !o.id().value().equals(facts.organisationId()))
			.isPresent()) {
			// a safety house's organisation takes part in every purpose of its own cases; another
			// house admitted here would let its coordinators read a case they do not steer
			problems.add(new FieldProblem("organisation", "Another safety house takes no part in this case"));
		}
		if (admission.purposes().isEmpty()) {
			problems.add(new FieldProblem("purposes", "Name at least one purpose"));
		}
		for (String purpose : admission.purposes()) {
			if (this.policy.purpose(purpose).isEmpty()) {
				problems.add(new FieldProblem("purposes", "Unknown purpose: " + purpose));
			}
		}
		// the column holds usernames of at most 100 characters; longer ones were a 500
		for (String professional : admission.professionals()) {
			if (professional.isBlank() || professional.length() > MAX_USERNAME
					|| professional.chars().anyMatch(Character::isWhitespace)) {
				problems.add(new FieldProblem("professionals",
						"Name each professional by username: at most " + MAX_USERNAME + " characters, no spaces"));
			}
		}
		if (admission.validUntil() != null && admission.validUntil().isBefore(LocalDate.now(this.clock))) {
			problems.add(new FieldProblem("validUntil", "The end date lies in the past"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return this.participation.admit(facts.id().value(), admission, access.actor().username());
	}

	@Transactional
	public ParticipantView remove(Access access, CaseId id, UUID participantId) {
		requireSteering(access, id);
		CaseFacts facts = this.lifecycle.requireOpen(access, id);
		String steeringHouse = this.organisations.byId(facts.organisationId()).map(Organisation::code).orElse(null);
		return this.participation.remove(facts.id().value(), participantId, steeringHouse,
				access.actor().username());
	}

	/** The organisations a contribution can be shared with, for forms. */
	@Transactional(readOnly = true)
	public List<Organisation> organisations() {
		return this.organisations.all();
	}

	/**
	 * Only people who do casework write it: the coordinator and the professionals. Auditors and
	 * administrators work for the safety house, whose organisation takes part in every case,
	 * but they never add to one.
	 */
	private static void requireCaseworker(Access access) {
		Actor actor = access.actor();
		if (!(actor.has(Role.COORDINATOR) || actor.has(Role.CARE_PROFESSIONAL) || actor.has(Role.JUSTICE_PROFESSIONAL)
				|| actor.has(Role.MUNICIPAL_PROFESSIONAL))) {
			throw new org.springframework.security.access.AccessDeniedException("No casework for this role");
		}
	}

	private CaseFacts requireSteering(Access access, CaseId id) {
		CaseFacts facts = this.cases.ofOwnSafetyHouse(access, id);
		Organisation caseOrganisation = this.organisations.byId(facts.organisationId()).orElseThrow();
		if (!steers(access, facts, caseOrganisation)) {
			throw new CaseNotFound();
		}
		return facts;
	}

	private static boolean steers(Access access, CaseFacts facts, Organisation caseOrganisation) {
		Actor actor = access.actor();
		return actor.has(Role.COORDINATOR) && actor.organisation().equals(caseOrganisation.code());
	}


}
