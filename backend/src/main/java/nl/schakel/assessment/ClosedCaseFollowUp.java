package nl.schakel.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.ids.CaseId;
import nl.schakel.organisation.Domain;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Purpose;
import nl.schakel.retention.RetentionSchedule;
import nl.schakel.security.Actor;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up of a case closed after its plan, for the partner whose admission the
 * closure ended and whose moment is due: what the follow-up page shows, and recording the
 * follow-up assessment and the outcome of the partner's interventions together, through
 * the same services and rules as the API. The page shows no case content — the case's
 * reference, the moment, and which interventions of the catalogue the partner's own
 * organisation delivers (kept in the clear for follow-up and evaluation); earlier
 * ratings, the plan's parts and notes stay behind the gate — so nothing is read through
 * it and nothing is recorded as a disclosure.
 */
@Service
class ClosedCaseFollowUp {

	private final CaseFileService cases;

	private final CaseAccess access;

	private final FollowUps followUps;

	private final CaseInterventions interventions;

	private final AssessmentService assessments;

	private final InterventionService interventionService;

	private final AssessmentInstrument instrument;

	private final Clock clock;

	private final RetentionSchedule retention;

	ClosedCaseFollowUp(CaseFileService cases, CaseAccess access, FollowUps followUps, CaseInterventions interventions,
			AssessmentService assessments, InterventionService interventionService, AssessmentInstrument instrument,
			Clock clock, RetentionSchedule retention) {
		this.retention = retention;
		this.cases = cases;
		this.access = access;
		this.followUps = followUps;
		this.interventions = interventions;
		this.assessments = assessments;
		this.interventionService = interventionService;
		this.instrument = instrument;
		this.clock = clock;
	}

	/** An intervention the partner's organisation delivers, by its catalogue code. */
	record OwnIntervention(UUID id, String intervention, LocalDate startedOn, boolean ended) {
	}

	/**
	 * What the page shows: the case's reference, the moment, the purposes the
	 * professional may record it under, the domains they rate and their own
	 * interventions.
	 */
	record Page(UUID caseId, String reference, UUID momentId, int monthsAfterStart, LocalDate dueOn, boolean overdue,
			List<String> purposes, List<AssessmentInstrument.Domain> ratable,
			List<AssessmentInstrument.Domain> periodEnded, List<OwnIntervention> interventions) {

		public List<OwnIntervention> open() {
			return this.interventions.stream().filter((i) -> !i.ended()).toList();
		}

	}

	/**
	 * Where the follow-up of a moment leads this actor: to the follow-up page, to the
	 * case's own pages (an open case the actor is admitted to), or nowhere — one answer
	 * for a case that is missing and one that is not theirs to follow up.
	 */
	sealed interface Answer permits FollowUpPage, OnTheCasePage, AlreadyRecorded, Nowhere {

	}

	record FollowUpPage(Page page) implements Answer {
	}

	record OnTheCasePage() implements Answer {
	}

	/**
	 * The moment was this organisation's and is done or cancelled now (a second submit,
	 * or a colleague recorded it first): said as such to whom could open it, not as a
	 * missing case.
	 */
	record AlreadyRecorded() implements Answer {
	}

	record Nowhere() implements Answer {
	}

	@Transactional(readOnly = true)
	Answer open(CaseId caseId, UUID momentId, Actor actor) {
		Optional<CaseFacts> found = this.cases.facts(caseId);
		if (found.isEmpty()) {
			return new Nowhere();
		}
		CaseFacts facts = found.get();
		if (facts.open()) {
			return this.access.admittedForAny(facts, actor) ? new OnTheCasePage() : new Nowhere();
		}
		Optional<Page> page = page(facts, momentId, actor);
		if (page.isPresent()) {
			return new FollowUpPage(page.get());
		}
		boolean wasTheirs = this.access.admittedAtClosure(facts, actor) && this.followUps.ofCase(momentId, facts)
			.filter((m) -> m.responsibleOrganisation().equals(actor.organisation()))
			.filter((m) -> m.doneAt() != null || m.cancelledOn() != null)
			.isPresent();
		return wasTheirs ? new AlreadyRecorded() : new Nowhere();
	}

	private Optional<Page> page(CaseFacts facts, UUID momentId, Actor actor) {
		List<String> purposes = this.access.followUpPurposes(facts, actor);
		if (purposes.isEmpty()) {
			return Optional.empty();
		}
		LocalDate today = LocalDate.now(this.clock);
		Optional<FollowUp> moment = this.followUps.inReach(momentId, facts, today)
			.filter((m) -> m.responsibleOrganisation().equals(actor.organisation()));
		if (moment.isEmpty()) {
			return Optional.empty();
		}
		Domain own = this.access.domainOf(actor);
		List<AssessmentInstrument.Domain> ownDomains = (own == null) ? List.of()
				: this.instrument.domains().stream().filter((d) -> d.ratedBy().contains(own.name())).toList();
		// a category the case no longer keeps (its own retention period ended) is not
		// rated again: the retention job would erase it at its next run
		Set<DataCategory> noLongerKept = this.retention.categoriesNoLongerKept(facts.id().value(), today).keySet();
		List<AssessmentInstrument.Domain> periodEnded = ownDomains.stream()
			.filter((d) -> noLongerKept.contains(d.category()))
			.toList();
		List<AssessmentInstrument.Domain> ratable = ownDomains.stream()
			.filter((d) -> !periodEnded.contains(d))
			.toList();
		List<OwnIntervention> interventions = this.interventions
			.findByCaseIdOrderByCreatedAtAscIdAsc(facts.id().value())
			.stream()
			.filter((i) -> i.deliveringOrganisations().contains(actor.organisation()))
			.map((i) -> new OwnIntervention(i.id(), i.interventionCode(), i.startedOn(), i.ended()))
			.toList();
		FollowUp m = moment.get();
		return Optional.of(new Page(facts.id().value(), facts.reference(), m.id(), m.monthsAfterStart(), m.dueOn(),
				m.dueOn().isBefore(today), purposes, ratable, periodEnded, interventions));
	}

	/**
	 * Records the follow-up of one moment: the assessment (when one is given) and the
	 * outcome of each of the partner's interventions given one, in one transaction under
	 * one check — the first would otherwise complete the moment and refuse the second.
	 * Every problem of both comes back at once, the outcome's fields named
	 * {@code outcome-<intervention>.<field>}; nothing is written unless all is valid.
	 */
	@Transactional
	void record(CaseId caseId, UUID momentId, Actor actor, Purpose purpose, AssessmentRequest assessment,
			Map<UUID, InterventionRequest.OutcomeRequest> outcomes) {
		CaseFacts facts = this.cases.facts(caseId).orElseThrow(CaseNotFound::new);
		Page page = (facts.open() ? Optional.<Page>empty() : page(facts, momentId, actor))
			.filter((p) -> p.purposes().contains(purpose.code()))
			.orElseThrow(CaseNotFound::new);
		// the same rule as the API's, for this professional and purpose
		facts = this.access.followUpWritable(caseId, actor, purpose);
		List<UUID> own = page.open().stream().map(OwnIntervention::id).toList();
		if (!own.containsAll(outcomes.keySet())) {
			throw new NotYourDomain("outcome",
					"The outcome is recorded by an organisation that delivers the intervention");
		}
		if (assessment == null && outcomes.isEmpty()) {
			throw InvalidInput.of("ratings", "Rate at least one item, or record the outcome of your intervention");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (assessment != null) {
			try {
				this.assessments.record(facts, actor, assessment, page.momentId());
			}
			catch (InvalidInput ex) {
				problems.addAll(ex.problems());
			}
		}
		for (Map.Entry<UUID, InterventionRequest.OutcomeRequest> outcome : new LinkedHashMap<>(outcomes).entrySet()) {
			try {
				this.interventionService.recordOutcome(facts, outcome.getKey(), actor, outcome.getValue());
			}
			catch (InvalidInput ex) {
				ex.problems()
					.forEach((p) -> problems
						.add(new FieldProblem("outcome-" + outcome.getKey() + "." + p.field(), p.message())));
			}
		}
		if (!problems.isEmpty()) {
			// what was valid is not kept either: the transaction rolls back
			throw new InvalidInput(problems);
		}
	}

}
