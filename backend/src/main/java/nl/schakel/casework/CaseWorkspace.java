package nl.schakel.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.casefile.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.casefile.RegisterCaseRequest;
import nl.schakel.consent.ConsentRegistry;
import nl.schakel.consent.ConsentScope;
import nl.schakel.consent.ConsentView;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.contribution.ContributionService;
import nl.schakel.disclosure.Audience;
import nl.schakel.disclosure.CaseSubject;
import nl.schakel.disclosure.Channel;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.DisclosureGate;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.Outcome;
import nl.schakel.disclosure.Reading;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.Organisations;
import nl.schakel.participation.Admission;
import nl.schakel.participation.ParticipantView;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.person.PersonId;
import nl.schakel.person.PersonRegistry;
import nl.schakel.person.PersonSummary;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeDefinition;
import nl.schakel.security.Actor;
import nl.schakel.security.CurrentActor;
import nl.schakel.security.Role;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

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

	private final CaseFileService cases;

	private final PersonRegistry persons;

	private final ParticipationRegistry participation;

	private final ConsentRegistry consents;

	private final ContributionService contributions;

	private final Organisations organisations;

	private final DisclosureGate gate;

	private final Policy policy;

	private final Clock clock;

	CaseWorkspace(CaseFileService cases, PersonRegistry persons, ParticipationRegistry participation,
			ConsentRegistry consents, ContributionService contributions, Organisations organisations,
			DisclosureGate gate, Policy policy, Clock clock) {
		this.cases = cases;
		this.persons = persons;
		this.participation = participation;
		this.consents = consents;
		this.contributions = contributions;
		this.organisations = organisations;
		this.gate = gate;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Registers a referral as a case and admits the coordinator's own safety house to it for
	 * every purpose the policy knows, so the coordinator can steer it.
	 */
	@Transactional
	@PreAuthorize("hasRole('COORDINATOR')")
	public CaseFacts registerReferral(RegisterCaseRequest request) {
		Actor coordinator = CurrentActor.require();
		CaseFacts facts = this.cases.register(request);
		List<String> purposes = this.policy.purposes().stream().map((p) -> p.purpose().code()).toList();
		this.participation.admit(facts.id().value(),
				new Admission(coordinator.organisation(), List.of(), purposes, null), coordinator.username());
		return facts;
	}

	/** Opens the case under a purpose: one read through the gate for the header and every contribution. */
	@Transactional
	public CaseOpening open(CaseId id, Purpose purpose, Channel channel) {
		CaseFacts facts = this.cases.facts(id).orElse(null);
		if (facts == null) {
			return new CaseOpening.NotVisible();
		}
		Organisation caseOrganisation = this.organisations.findById(facts.organisationId())
			.orElseThrow(() -> new IllegalStateException("A case's organisation is missing"));
		CaseSubject subject = new CaseSubject(facts.id().value(), facts.personId());
		List<DisclosableItem> items = new ArrayList<>();
		items.add(new DisclosableItem(ItemKind.CASE, facts.id().value(), DataCategory.IDENTITY, LegalBasis.PUBLIC_TASK,
				null, caseOrganisation.code(), Audience.everyParticipant(),
				facts.openedOn().atStartOfDay(this.clock.getZone()).toInstant(), null));
		items.addAll(this.contributions.items(facts.id().value()));
		Reading reading = this.gate.read(subject, purpose, channel, items);
		Outcome header = reading.of(facts.id().value()).orElseThrow();
		if (!header.permitted()) {
			return new CaseOpening.NotVisible();
		}
		PersonSummary person = this.persons.summary(new PersonId(facts.personId())).orElseThrow();
		Map<String, String> names = this.organisations.findAllByOrderByNameAsc()
			.stream()
			.collect(Collectors.toMap(Organisation::code, Organisation::name));
		List<TimelineEntry> timeline = reading.visible()
			.stream()
			.filter((o) -> o.item().kind() == ItemKind.CONTRIBUTION)
			.map((o) -> new TimelineEntry(o.item().id(), o.item().holder(),
					names.getOrDefault(o.item().holder(), o.item().holder()), o.item().category(),
					o.item().createdAt(), o.decision().effect(), o.content().orElse(null), o.decision().ruleId(),
					o.decision().ruleDescription(), o.decision().requiresReview()))
			.toList();
		PurposeDefinition purposeDefinition = this.policy.purposes()
			.stream()
			.filter((p) -> p.purpose().equals(purpose))
			.findFirst()
			.orElseThrow();
		List<ConsentView> consentViews = this.consents.of(facts.personId());
		return new CaseOpening.Visible(new CaseDossier(facts, person, purposeDefinition,
				this.participation.participants(facts.id().value()), consentViews, timeline,
				steers(facts, caseOrganisation)));
	}

	/** Adds a contribution; the author must take part in the case for the purpose. */
	@Transactional
	public UUID contribute(CaseId id, Purpose purpose, ContributionRequest request) {
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		return this.contributions.add(facts.id().value(), facts.personId(), purpose, request);
	}

	/** Admits an organisation to the case; only the coordinator steering the case may. */
	@Transactional
	public ParticipantView admit(CaseId id, Admission admission) {
		CaseFacts facts = requireSteering(id);
		List<FieldProblem> problems = new ArrayList<>();
		if (admission.organisation() == null || this.organisations.findByCode(admission.organisation()).isEmpty()) {
			problems.add(new FieldProblem("organisation", "Unknown organisation"));
		}
		if (admission.purposes().isEmpty()) {
			problems.add(new FieldProblem("purposes", "Name at least one purpose"));
		}
		for (String purpose : admission.purposes()) {
			if (this.policy.purpose(purpose).isEmpty()) {
				problems.add(new FieldProblem("purposes", "Unknown purpose: " + purpose));
			}
		}
		if (admission.validUntil() != null && admission.validUntil().isBefore(LocalDate.now(this.clock))) {
			problems.add(new FieldProblem("validUntil", "The end date lies in the past"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return this.participation.admit(facts.id().value(), admission, CurrentActor.require().username());
	}

	@Transactional
	public ParticipantView remove(CaseId id, UUID participantId) {
		CaseFacts facts = requireSteering(id);
		return this.participation.remove(facts.id().value(), participantId, CurrentActor.require().username());
	}

	/** Records the person's consent; the coordinator and participants of the case may. */
	@Transactional
	public ConsentView recordConsent(CaseId id, Purpose purpose, ConsentScope scope, String evidence) {
		CaseFacts facts = requireParticipant(id, purpose);
		List<FieldProblem> problems = new ArrayList<>();
		if (scope.organisations().isEmpty() && scope.domains().isEmpty()) {
			problems.add(new FieldProblem("organisations", "Name at least one organisation or domain"));
		}
		for (String code : scope.organisations()) {
			if (this.organisations.findByCode(code).isEmpty()) {
				problems.add(new FieldProblem("organisations", "Unknown organisation: " + code));
			}
		}
		Set<String> domains = new HashSet<>();
		for (Domain domain : Domain.values()) {
			domains.add(domain.name());
		}
		for (String domain : scope.domains()) {
			if (!domains.contains(domain)) {
				problems.add(new FieldProblem("domains", "Unknown domain: " + domain));
			}
		}
		if (scope.categories().isEmpty()) {
			problems.add(new FieldProblem("categories", "Name at least one data category"));
		}
		for (String category : scope.categories()) {
			try {
				DataCategory.valueOf(category);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("categories", "Unknown data category: " + category));
			}
		}
		if (scope.purposes().isEmpty()) {
			problems.add(new FieldProblem("purposes", "Name at least one purpose"));
		}
		for (String code : scope.purposes()) {
			if (this.policy.purpose(code).isEmpty()) {
				problems.add(new FieldProblem("purposes", "Unknown purpose: " + code));
			}
		}
		if (scope.validFrom() == null) {
			problems.add(new FieldProblem("validFrom", "Give the date the consent starts"));
		}
		else if (scope.validUntil() != null && scope.validUntil().isBefore(scope.validFrom())) {
			problems.add(new FieldProblem("validUntil", "The end date lies before the start date"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return this.consents.record(facts.personId(), scope, evidence, CurrentActor.require().username());
	}

	@Transactional
	public ConsentView withdrawConsent(CaseId id, Purpose purpose, UUID consentId, LocalDate on) {
		CaseFacts facts = requireParticipant(id, purpose);
		return this.consents.withdraw(facts.personId(), consentId, on, CurrentActor.require().username());
	}

	/** The organisations a contribution can be shared with, for forms. */
	@Transactional(readOnly = true)
	public List<Organisation> organisations() {
		return this.organisations.findAllByOrderByNameAsc();
	}

	private CaseFacts requireSteering(CaseId id) {
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		Organisation caseOrganisation = this.organisations.findById(facts.organisationId()).orElseThrow();
		if (!steers(facts, caseOrganisation)) {
			throw new CaseNotFound();
		}
		return facts;
	}

	private CaseFacts requireParticipant(CaseId id, Purpose purpose) {
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		Actor actor = CurrentActor.require();
		if (!this.participation.isAdmitted(facts.id().value(), actor.organisation(), actor.username(),
				purpose.code())) {
			throw new CaseNotFound();
		}
		return facts;
	}

	private static boolean steers(CaseFacts facts, Organisation caseOrganisation) {
		Actor actor = CurrentActor.require();
		return actor.has(Role.COORDINATOR) && actor.organisation().equals(caseOrganisation.code());
	}


}
