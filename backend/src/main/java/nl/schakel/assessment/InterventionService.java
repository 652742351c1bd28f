package nl.schakel.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.crypto.FieldCipher;
import nl.schakel.disclosure.CaseSubject;
import nl.schakel.security.Channel;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.DisclosureGate;
import nl.schakel.disclosure.Outcome;
import nl.schakel.disclosure.Reading;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interventions of a case: the coordinator steering it chooses one from the catalogue,
 * links it to the assessed domains it addresses and to the partners that deliver its
 * parts; partners record barriers; the coordinator or a delivering partner records the
 * outcome. Follow-up moments are scheduled from its start. Details are sealed and read
 * through the gate.
 */
@Service
public class InterventionService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CaseInterventions interventions;

	private final InterventionBarriers barriers;

	private final CatalogueInForce catalogue;

	private final AssessmentInstrument instrument;

	private final CaseAccess access;

	private final FollowUps followUps;

	private final DisclosureGate gate;

	private final FieldCipher cipher;

	private final Clock clock;

	InterventionService(CaseInterventions interventions, InterventionBarriers barriers, CatalogueInForce catalogue,
			AssessmentInstrument instrument, CaseAccess access, FollowUps followUps, DisclosureGate gate,
			FieldCipher cipher, Clock clock) {
		this.interventions = interventions;
		this.barriers = barriers;
		this.catalogue = catalogue;
		this.instrument = instrument;
		this.access = access;
		this.followUps = followUps;
		this.gate = gate;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** The sealed details of a case intervention. */
	record Details(List<InterventionRequest.Part> parts, List<InterventionRequest.InvolvedPerson> involvedPersons,
			String note) {
	}

	/** The sealed outcome note. */
	record OutcomeNote(String reason, String note) {
	}

	/** The sealed response to a barrier. */
	record BarrierResponse(String response) {
	}

	@Transactional
	public UUID choose(CaseId caseId, Actor actor, Purpose purpose, InterventionRequest request) {
		CaseFacts facts = this.access.writable(caseId, actor, purpose);
		if (!this.access.steers(facts, actor)) {
			throw new NotYourDomain("intervention", "Only the coordinator steering the case chooses interventions");
		}
		List<FieldProblem> problems = new ArrayList<>();
		InterventionCatalogue catalogue = this.catalogue.current();
		// a retired intervention is no longer offered for a case
		if (AssessmentService.blank(request.intervention())
				|| catalogue.offered(request.intervention().strip()).isEmpty()) {
			problems.add(new FieldProblem("intervention", "Choose an intervention of the catalogue"));
		}
		if (request.startedOn() == null) {
			problems.add(new FieldProblem("startedOn", "When the intervention starts"));
		}
		if (request.expectedWeeks() == null || request.expectedWeeks() < 1 || request.expectedWeeks() > 520) {
			problems.add(new FieldProblem("expectedWeeks", "Expected duration in weeks, 1 to 520"));
		}
		Set<String> domains = new LinkedHashSet<>();
		List<String> addressed = (request.addressedDomains() == null) ? List.of() : request.addressedDomains();
		for (int i = 0; i < addressed.size(); i++) {
			String code = addressed.get(i);
			if (code == null || this.instrument.domain(code.strip()).isEmpty()) {
				problems.add(new FieldProblem("addressedDomains[" + i + "]", "Unknown domain of the instrument"));
			}
			else {
				domains.add(code.strip());
			}
		}
		if (addressed.isEmpty()) {
			problems.add(new FieldProblem("addressedDomains", "Name the assessed domains this intervention addresses"));
		}
		List<InterventionRequest.Part> parts = new ArrayList<>();
		Set<String> delivering = new LinkedHashSet<>();
		List<InterventionRequest.Part> given = (request.parts() == null) ? List.of() : request.parts();
		for (int i = 0; i < given.size(); i++) {
			InterventionRequest.Part part = given.get(i);
			if (part == null || AssessmentService.blank(part.organisation())
					|| !this.access.participates(facts, part.organisation().strip())) {
				problems.add(new FieldProblem("parts[" + i + "].organisation",
						"A delivering organisation takes part in the case"));
				continue;
			}
			if (AssessmentService.blank(part.description()) || part.description().length() > 1000) {
				problems.add(new FieldProblem("parts[" + i + "].description",
						"Which part it delivers (at most 1000 characters)"));
				continue;
			}
			delivering.add(part.organisation().strip());
			parts.add(new InterventionRequest.Part(part.organisation().strip(), part.description().strip()));
		}
		if (given.isEmpty()) {
			problems.add(new FieldProblem("parts", "Name at least one delivering organisation and its part"));
		}
		List<InterventionRequest.InvolvedPerson> persons = new ArrayList<>();
		List<InterventionRequest.InvolvedPerson> involved = (request.involvedPersons() == null) ? List.of()
				: request.involvedPersons();
		for (int i = 0; i < involved.size(); i++) {
			InterventionRequest.InvolvedPerson person = involved.get(i);
			if (person == null || AssessmentService.blank(person.name()) || person.name().length() > 200) {
				problems.add(new FieldProblem("involvedPersons[" + i + "].name",
						"The person's name (at most 200 characters)"));
				continue;
			}
			if (AssessmentService.blank(person.role()) || person.role().length() > 200) {
				problems.add(new FieldProblem("involvedPersons[" + i + "].role",
						"Their role, e.g. key figure, mentor, family (at most 200 characters)"));
				continue;
			}
			persons.add(new InterventionRequest.InvolvedPerson(person.name().strip(), person.role().strip()));
		}
		if (request.note() != null && request.note().length() > AssessmentService.TEXT_LIMIT) {
			problems.add(new FieldProblem("note", "At most " + AssessmentService.TEXT_LIMIT + " characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		CaseIntervention chosen = new CaseIntervention(facts.id().value(), request.intervention().strip(),
				catalogue.version(), actor.username(), actor.organisation(), List.copyOf(delivering),
				List.copyOf(domains), request.startedOn(), request.expectedWeeks(), Instant.now(this.clock));
		chosen.seal(this.cipher.seal(
				JSON.writeValueAsString(new Details(parts, persons, AssessmentService.strip(request.note()))),
				chosen.detailsBinding()));
		this.interventions.saveAndFlush(chosen);
		this.followUps.schedule(chosen.id(), facts.id().value(), request.startedOn(), delivering.iterator().next());
		return chosen.id();
	}

	@Transactional
	public void recordOutcome(CaseId caseId, UUID interventionId, Actor actor, Purpose purpose,
			InterventionRequest.OutcomeRequest request) {
		recordOutcome(this.access.followUpWritable(caseId, actor, purpose), interventionId, actor, request);
	}

	/**
	 * As
	 * {@link #recordOutcome(CaseId, UUID, Actor, Purpose, InterventionRequest.OutcomeRequest)},
	 * on a case the caller found writable for this actor in the same transaction.
	 */
	void recordOutcome(CaseFacts facts, UUID interventionId, Actor actor, InterventionRequest.OutcomeRequest request) {
		CaseIntervention intervention = this.interventions.findByIdAndCaseId(interventionId, facts.id().value())
			.orElseThrow(CaseNotFound::new);
		if (!this.access.steers(facts, actor)
				&& !intervention.deliveringOrganisations().contains(actor.organisation())) {
			throw new NotYourDomain("outcome",
					"The outcome is recorded by the coordinator or an organisation that delivers the intervention");
		}
		List<FieldProblem> problems = new ArrayList<>();
		CaseIntervention.Result result = null;
		try {
			result = CaseIntervention.Result.valueOf(String.valueOf(request.outcome()).strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("outcome", "COMPLETED or STOPPED_EARLY"));
		}
		LocalDate today = LocalDate.now(this.clock);
		if (request.endedOn() == null || request.endedOn().isBefore(intervention.startedOn())
				|| request.endedOn().isAfter(today)) {
			problems.add(new FieldProblem("endedOn", "When it ended: on or after its start, not in the future"));
		}
		if (result == CaseIntervention.Result.STOPPED_EARLY && AssessmentService.blank(request.reason())) {
			problems.add(new FieldProblem("reason", "Why it stopped early"));
		}
		if (request.reason() != null && request.reason().length() > AssessmentService.TEXT_LIMIT) {
			problems.add(new FieldProblem("reason", "At most " + AssessmentService.TEXT_LIMIT + " characters"));
		}
		if (request.note() != null && request.note().length() > AssessmentService.TEXT_LIMIT) {
			problems.add(new FieldProblem("note", "At most " + AssessmentService.TEXT_LIMIT + " characters"));
		}
		if (intervention.ended()) {
			problems.add(new FieldProblem("outcome", "This intervention's outcome is already recorded"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		intervention.end(result, request.endedOn(), this.cipher.seal(JSON.writeValueAsString(
				new OutcomeNote(AssessmentService.strip(request.reason()), AssessmentService.strip(request.note()))),
				intervention.outcomeBinding()));
		this.followUps.outcomeRecorded(intervention.id(), today, Instant.now(this.clock));
	}

	@Transactional
	public UUID recordBarrier(CaseId caseId, UUID interventionId, Actor actor, Purpose purpose,
			InterventionRequest.BarrierRequest request) {
		CaseFacts facts = this.access.writable(caseId, actor, purpose);
		CaseIntervention intervention = this.interventions.findByIdAndCaseId(interventionId, facts.id().value())
			.orElseThrow(CaseNotFound::new);
		List<FieldProblem> problems = new ArrayList<>();
		if (AssessmentService.blank(request.kind()) || !this.catalogue.current().barrier(request.kind().strip())) {
			problems.add(new FieldProblem("kind", "A kind of barrier of the catalogue"));
		}
		if (request.occurredOn() == null || request.occurredOn().isAfter(LocalDate.now(this.clock))) {
			problems.add(new FieldProblem("occurredOn", "When it occurred, not in the future"));
		}
		if (AssessmentService.blank(request.response()) || request.response().length() > AssessmentService.TEXT_LIMIT) {
			problems.add(new FieldProblem("response",
					"The response chosen (at most " + AssessmentService.TEXT_LIMIT + " characters)"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		InterventionBarrier barrier = new InterventionBarrier(intervention.id(), facts.id().value(),
				request.kind().strip(), request.occurredOn(), actor.organisation(), actor.username(),
				Instant.now(this.clock));
		barrier.seal(this.cipher.seal(JSON.writeValueAsString(new BarrierResponse(request.response().strip())),
				barrier.responseBinding()));
		this.barriers.save(barrier);
		return barrier.id();
	}

	/** A case intervention as a reader may see it. */
	public record View(UUID id, String intervention, List<String> deliveringOrganisations,
			List<String> addressedDomains, LocalDate startedOn, int expectedWeeks, String outcome, LocalDate endedOn,
			Details details, OutcomeNote outcomeNote, List<BarrierView> barriers, List<FollowUpView> followUps,
			boolean withheld) {
	}

	public record BarrierView(UUID id, String kind, LocalDate occurredOn, String organisation, String response) {
	}

	public record FollowUpView(int monthsAfterStart, LocalDate dueOn, String responsibleOrganisation, boolean done,
			boolean overdue) {
	}

	/**
	 * Reads the case's interventions through the gate; empty with
	 * {@code visible == false} for a non-participant.
	 */
	public record Read(boolean visible, List<View> interventions) {
	}

	@Transactional
	public Read read(nl.schakel.security.Access access, CaseId caseId) {
		CaseFacts facts = this.access.existing(caseId);
		List<CaseIntervention> all = this.interventions.findByCaseIdOrderByCreatedAtAscIdAsc(facts.id().value());
		List<InterventionBarrier> barrierRows = this.barriers.findByCaseIdOrderByCreatedAtAscIdAsc(facts.id().value());
		List<DisclosableItem> items = new ArrayList<>();
		items.add(this.access.header(facts));
		for (CaseIntervention i : all) {
			items.addAll(i.toItems());
		}
		barrierRows.forEach((b) -> items.add(b.toItem()));
		Reading reading = this.gate.read(access, new CaseSubject(facts.id().value(), facts.personId(), !facts.open()),
				items);
		if (reading.participation() == Participation.NOT_PARTICIPANT || reading.outcomes().get(0).denied()) {
			return new Read(false, List.of());
		}
		LocalDate today = LocalDate.now(this.clock);
		List<View> views = new ArrayList<>();
		int at = 1;
		for (CaseIntervention i : all) {
			Outcome details = reading.outcomes().get(at++);
			// the outcome note is an item of its own, right after the details, once
			// recorded
			Outcome outcomeNote = i.ended() ? reading.outcomes().get(at++) : null;
			if (details.denied()) {
				continue;
			}
			List<BarrierView> barrierViews = new ArrayList<>();
			for (int b = 0; b < barrierRows.size(); b++) {
				InterventionBarrier row = barrierRows.get(b);
				Outcome seen = reading.outcomes().get(items.size() - barrierRows.size() + b);
				if (row.caseInterventionId().equals(i.id()) && !seen.denied()) {
					barrierViews.add(new BarrierView(row.id(), row.kind(), row.occurredOn(), row.organisation(),
							seen.content()
								.map((c) -> JSON.readValue(c, BarrierResponse.class).response())
								.orElse(null)));
				}
			}
			List<FollowUpView> schedule = this.followUps.of(i.id())
				.stream()
				.map((f) -> new FollowUpView(f.monthsAfterStart(), f.dueOn(), f.responsibleOrganisation(),
						f.doneAt() != null, f.doneAt() == null && f.dueOn().isBefore(today)))
				.toList();
			views.add(new View(i.id(), i.interventionCode(), i.deliveringOrganisations(), i.addressedDomainList(),
					i.startedOn(), i.expectedWeeks(), (i.outcome() != null) ? i.outcome().name() : null, i.endedOn(),
					details.content().map((c) -> JSON.readValue(c, Details.class)).orElse(null),
					(outcomeNote != null)
							? outcomeNote.content().map((c) -> JSON.readValue(c, OutcomeNote.class)).orElse(null)
							: null,
					barrierViews, schedule, !details.permitted()));
		}
		return new Read(true, List.copyOf(views));
	}

}
