package nl.schakel.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.ids.CaseId;
import nl.schakel.consent.ConsentRegistry;
import nl.schakel.crypto.FieldCipher;
import nl.schakel.disclosure.CaseSubject;
import nl.schakel.ids.ConsentId;
import nl.schakel.ids.OrganisationCode;
import nl.schakel.security.Channel;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.DisclosureGate;
import nl.schakel.disclosure.Outcome;
import nl.schakel.disclosure.Reading;
import nl.schakel.organisation.Domain;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Purpose;
import nl.schakel.retention.RetentionSchedule;
import nl.schakel.security.Actor;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads assessments. Each organisation rates the items of the domains its
 * kind of organisation may rate (the instrument's {@code rated-by}); the coordinator
 * steering the case adds the integrated judgement and a concern level with a
 * justification. Everything is sealed on the way in and read through the disclosure gate:
 * a reader the policy does not let see a domain's category learns only who rated it and
 * when.
 */
@Service
public class AssessmentService {

	static final int TEXT_LIMIT = 4000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AssessmentRatings ratings;

	private final AssessmentInstrument instrument;

	private final CaseAccess access;

	private final ConsentRegistry consents;

	private final DisclosureGate gate;

	private final FollowUps followUps;

	private final FieldCipher cipher;

	private final Clock clock;

	private final EvaluationCharacteristics characteristics;

	private final RetentionSchedule retention;

	/** How a rating refused because its category's retention period ended begins. */
	static final String PERIOD_ENDED = "The case no longer keeps information of the category";

	AssessmentService(AssessmentRatings ratings, AssessmentInstrument instrument, CaseAccess access,
			ConsentRegistry consents, DisclosureGate gate, FollowUps followUps, FieldCipher cipher, Clock clock,
			EvaluationCharacteristics characteristics, RetentionSchedule retention) {
		this.characteristics = characteristics;
		this.retention = retention;
		this.ratings = ratings;
		this.instrument = instrument;
		this.access = access;
		this.consents = consents;
		this.gate = gate;
		this.followUps = followUps;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * The entries written, one per domain rated (plus the judgement and a licensed
	 * instrument).
	 */
	public record Recorded(UUID id, String domain) {
	}

	@Transactional
	public List<Recorded> record(CaseId caseId, Actor actor, Purpose purpose, AssessmentRequest request) {
		return record(this.access.followUpWritable(caseId, actor, purpose), actor, request);
	}

	/**
	 * As {@link #record(CaseId, Actor, Purpose, AssessmentRequest)}, on a case the caller
	 * found writable for this actor in the same transaction: the follow-up page records
	 * the assessment and the outcome of one moment together, under one check.
	 */
	List<Recorded> record(CaseFacts facts, Actor actor, AssessmentRequest request) {
		return record(facts, actor, request, null);
	}

	/**
	 * As {@link #record(CaseFacts, Actor, AssessmentRequest)}, a follow-up completing the
	 * moment given (the follow-up page's), not the organisation's earliest one in reach.
	 */
	List<Recorded> record(CaseFacts facts, Actor actor, AssessmentRequest request, UUID momentId) {
		List<FieldProblem> problems = new ArrayList<>();
		String moment = (request.moment() == null || request.moment().isBlank()) ? "INTAKE" : request.moment().strip();
		if (!this.instrument.moments().contains(moment)) {
			problems.add(new FieldProblem("moment",
					"Unknown moment (known: " + String.join(", ", this.instrument.moments()) + ")"));
		}
		else if (!facts.open() && !"FOLLOW_UP".equals(moment)) {
			// a closed case is only followed up: its intake and plan reviews are history
			problems.add(new FieldProblem("moment", "On a closed case only a FOLLOW_UP assessment can be recorded"));
		}
		LegalBasis basis = (request.legalBasis() == null) ? LegalBasis.PUBLIC_TASK : request.legalBasis();
		checkBasis(facts, actor, basis, request, problems);
		Domain own = this.access.domainOf(actor);
		Map<String, List<SealedAssessment.Score>> byDomain = new LinkedHashMap<>();
		Map<DataCategory, LocalDate> noLongerKept = facts.open() ? Map.of()
				: this.retention.categoriesNoLongerKept(facts.id().value(), today());
		List<AssessmentRequest.Rating> given = (request.ratings() == null) ? List.of() : request.ratings();
		for (int i = 0; i < given.size(); i++) {
			AssessmentRequest.Rating rating = given.get(i);
			String at = "ratings[" + i + "]";
			if (rating == null) {
				problems.add(new FieldProblem(at, "A rating names a domain, an item and a score"));
				continue;
			}
			Optional<AssessmentInstrument.Domain> domain = Optional.ofNullable(rating.domain())
				.flatMap((d) -> this.instrument.domain(d.strip()));
			if (domain.isEmpty()) {
				problems.add(new FieldProblem(at + ".domain", "Unknown domain of the instrument"));
				continue;
			}
			if (own == null || !domain.get().ratedBy().contains(own.name())) {
				throw new NotYourDomain(at + ".domain", "Your organisation does not rate the domain '"
						+ domain.get().code() + "'; it is rated by " + String.join(", ", domain.get().ratedBy()));
			}
			LocalDate endedOn = noLongerKept.get(domain.get().category());
			if (endedOn != null) {
				// the retention job would erase it again at its next run: refused, not
				// accepted and lost
				problems.add(new FieldProblem(at + ".domain",
						PERIOD_ENDED + " " + domain.get().category() + ": its period ended on " + endedOn));
				continue;
			}
			Optional<AssessmentInstrument.Item> item = Optional.ofNullable(rating.item())
				.flatMap((code) -> domain.get().item(code.strip()));
			if (item.isEmpty()) {
				problems
					.add(new FieldProblem(at + ".item", "Unknown item of the domain '" + domain.get().code() + "'"));
				continue;
			}
			if (rating.score() == null || !item.get().scale().allows(rating.score())) {
				problems.add(new FieldProblem(at + ".score",
						"A score is one of the anchors of the scale '" + item.get().scale().code() + "'"));
				continue;
			}
			if (rating.justification() != null && rating.justification().length() > TEXT_LIMIT) {
				problems.add(new FieldProblem(at + ".justification", "At most " + TEXT_LIMIT + " characters"));
				continue;
			}
			List<SealedAssessment.Score> scores = byDomain.computeIfAbsent(domain.get().code(),
					(d) -> new ArrayList<>());
			if (scores.stream().anyMatch((s) -> s.item().equals(item.get().code()))) {
				problems.add(new FieldProblem(at + ".item", "This item is rated twice"));
				continue;
			}
			scores.add(new SealedAssessment.Score(item.get().code(), rating.score(), strip(rating.justification())));
		}
		boolean judges = !blank(request.integratedJudgement()) || !blank(request.concernLevel())
				|| !blank(request.concernJustification());
		if (judges) {
			if (!this.access.steers(facts, actor)) {
				throw new NotYourDomain("integratedJudgement",
						"Only the coordinator steering the case adds the integrated judgement and concern level");
			}
			if (blank(request.integratedJudgement())) {
				problems.add(new FieldProblem("integratedJudgement", "Describe how the factors interact, in words"));
			}
			if (blank(request.concernLevel()) || !this.instrument.concernLevel(request.concernLevel().strip())) {
				problems.add(new FieldProblem("concernLevel", "Choose a concern level of the instrument"));
			}
			if (blank(request.concernJustification())) {
				problems.add(new FieldProblem("concernJustification", "A concern level needs a justification"));
			}
			tooLong(problems, "integratedJudgement", request.integratedJudgement());
			tooLong(problems, "concernJustification", request.concernJustification());
		}
		AssessmentRequest.LicensedInstrument licensed = request.licensedInstrument();
		if (licensed != null) {
			if (blank(licensed.name())) {
				problems.add(new FieldProblem("licensedInstrument.name", "Which instrument was administered"));
			}
			if (blank(licensed.administeredBy())) {
				problems.add(new FieldProblem("licensedInstrument.administeredBy", "By whom it was administered"));
			}
			if (licensed.administeredOn() == null || licensed.administeredOn().isAfter(today())) {
				problems.add(new FieldProblem("licensedInstrument.administeredOn",
						"When it was administered (not in the future)"));
			}
			if (blank(licensed.overallLevel())) {
				problems.add(new FieldProblem("licensedInstrument.overallLevel", "The overall level it gave"));
			}
		}
		tooLong(problems, "note", request.note());
		if (byDomain.isEmpty() && !judges && licensed == null && problems.isEmpty()) {
			problems.add(new FieldProblem("ratings", "Rate at least one item, or add the integrated judgement"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = Instant.now(this.clock);
		UUID consentId = (basis == LegalBasis.CONSENT) ? request.consentId() : null;
		String statutory = (basis == LegalBasis.STATUTORY) ? request.statutoryReference().strip() : null;
		List<Recorded> recorded = new ArrayList<>();
		for (Map.Entry<String, List<SealedAssessment.Score>> entry : byDomain.entrySet()) {
			AssessmentInstrument.Domain domain = this.instrument.domain(entry.getKey()).orElseThrow();
			recorded.add(save(facts, moment, domain.code(), domain.category(), actor, basis, consentId, statutory,
					new SealedAssessment(List.copyOf(entry.getValue()), strip(request.note()), null, null, null, null,
							null, null, null),
					now));
		}
		if (judges) {
			recorded.add(save(facts, moment, AssessmentRating.INTEGRATED_JUDGEMENT, DataCategory.RISK, actor, basis,
					consentId, statutory,
					new SealedAssessment(List.of(), null, request.integratedJudgement().strip(),
							request.concernLevel().strip(), request.concernJustification().strip(), null, null, null,
							null),
					now));
		}
		if (licensed != null) {
			recorded
				.add(save(facts, moment, "licensed-instrument", DataCategory.RISK, actor, basis, consentId, statutory,
						new SealedAssessment(List.of(), null, null, null, null, licensed.name().strip(),
								licensed.administeredBy().strip(), licensed.administeredOn(),
								licensed.overallLevel().strip()),
						now));
		}
		if ("FOLLOW_UP".equals(moment)) {
			if (momentId != null) {
				this.followUps.markDone(momentId, now);
			}
			else {
				this.followUps.markDone(facts.id().value(), actor.organisation(), today(), now);
			}
		}
		return recorded;
	}

	private Recorded save(CaseFacts facts, String moment, String domain, DataCategory category, Actor actor,
			LegalBasis basis, UUID consentId, String statutory, SealedAssessment content, Instant now) {
		AssessmentRating rating = new AssessmentRating(facts.id().value(), moment, domain, category,
				actor.organisation(), actor.username(), basis, consentId, statutory, this.instrument.version(), now);
		rating.seal(this.cipher.seal(JSON.writeValueAsString(content), rating.contentBinding()));
		this.ratings.save(rating);
		// phase, age group and status also as their bare scale value, for evaluation to
		// count without opening sealed ratings
		for (SealedAssessment.Score score : content.ratings()) {
			EvaluationCharacteristic.Characteristic.of(domain, score.item())
				.ifPresent((c) -> this.characteristics
					.save(new EvaluationCharacteristic(rating.id(), facts.id().value(), c, score.score(), now)));
		}
		// the concern level of a judgement likewise, as its position on the instrument's
		// ordinal scale, for evaluation to count changes in concern; the judgement's
		// words
		// and the justification stay sealed
		if (content.concernLevel() != null) {
			int level = this.instrument.concernLevels()
				.stream()
				.map(AssessmentInstrument.Coded::code)
				.toList()
				.indexOf(content.concernLevel());
			if (level >= 0) {
				this.characteristics.save(new EvaluationCharacteristic(rating.id(), facts.id().value(),
						EvaluationCharacteristic.Characteristic.CONCERN, level, now));
			}
		}
		return new Recorded(rating.id(), domain);
	}

	private void checkBasis(CaseFacts facts, Actor actor, LegalBasis basis, AssessmentRequest request,
			List<FieldProblem> problems) {
		switch (basis) {
			case CONSENT -> {
				if (request.consentId() == null || this.consents
					.ofHolder(facts.id(), new OrganisationCode(actor.organisation()),
							new ConsentId(request.consentId()))
					.isEmpty()) {
					problems
						.add(new FieldProblem("consentId", "Cite a consent your organisation recorded on this case"));
				}
			}
			case STATUTORY -> {
				if (blank(request.statutoryReference())) {
					problems.add(new FieldProblem("statutoryReference", "Name the statutory provision"));
				}
				else if (request.statutoryReference().length() > 200) {
					problems.add(new FieldProblem("statutoryReference", "At most 200 characters"));
				}
			}
			case PUBLIC_TASK -> {
			}
			default -> problems.add(new FieldProblem("legalBasis",
					"Ratings are shared on CONSENT, STATUTORY or PUBLIC_TASK; a breach of secrecy is a contribution"));
		}
	}

	/** One entry as the reader may see it: the content only when the policy permits. */
	public record Entry(UUID id, String moment, String domain, DataCategory category, String organisation,
			Instant createdAt, Outcome outcome, SealedAssessment content) {

		public boolean permitted() {
			return this.outcome.permitted();
		}

	}

	/**
	 * What a reader gets: nothing at all when not taking part, else the entries not
	 * denied.
	 */
	public record Read(boolean visible, List<Entry> entries) {
	}

	/**
	 * Reads the case's assessment entries through the gate (each read is recorded,
	 * granted or not). A reader who does not take part gets {@code visible == false}; the
	 * denial rows commit.
	 */
	@Transactional
	public Read read(nl.schakel.security.Access access, CaseId caseId) {
		CaseFacts facts = this.access.existing(caseId);
		List<AssessmentRating> all = this.ratings.findByCaseIdOrderByCreatedAtAscIdAsc(facts.id().value());
		List<DisclosableItem> items = new ArrayList<>();
		items.add(this.access.header(facts));
		all.forEach((r) -> items.add(r.toItem()));
		Reading reading = this.gate.read(access, new CaseSubject(facts.id().value(), facts.personId(), !facts.open()),
				items);
		if (reading.participation() == Participation.NOT_PARTICIPANT || reading.outcomes().get(0).denied()) {
			return new Read(false, List.of());
		}
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			Outcome outcome = reading.outcomes().get(i + 1);
			if (outcome.denied()) {
				continue;
			}
			AssessmentRating rating = all.get(i);
			SealedAssessment content = outcome.content().map(AssessmentService::parse).orElse(null);
			entries.add(new Entry(rating.id(), rating.moment(), rating.domain(), rating.category(),
					rating.organisation(), rating.createdAt(), outcome, content));
		}
		return new Read(true, List.copyOf(entries));
	}

	private static SealedAssessment parse(String json) {
		return JSON.readValue(json, SealedAssessment.class);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static void tooLong(List<FieldProblem> problems, String field, String text) {
		if (text != null && text.length() > TEXT_LIMIT) {
			problems.add(new FieldProblem(field, "At most " + TEXT_LIMIT + " characters"));
		}
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static String strip(String text) {
		return blank(text) ? null : text.strip();
	}

}
