package nl.schakel.assessment;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.security.Channel;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.Problems;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assessment instrument, a case's assessments and their trend, the intervention
 * catalogue, a case's interventions with barriers and outcome, the coordinator's
 * follow-up overview and the evaluation aggregates. Case calls name {@code X-Purpose};
 * every read of case content goes through the disclosure gate with channel API.
 */
@RestController
class AssessmentApiController {

	private final AssessmentInstrument instrument;

	private final CatalogueInForce catalogue;

	private final AssessmentService assessments;

	private final InterventionService interventions;

	private final FollowUpOverview followUps;

	private final Evaluation evaluation;

	private final MessageSource messages;

	private final OrganisationDirectory organisations;

	AssessmentApiController(AssessmentInstrument instrument, CatalogueInForce catalogue, AssessmentService assessments,
			InterventionService interventions, FollowUpOverview followUps, Evaluation evaluation,
			MessageSource messages, OrganisationDirectory organisations) {
		this.organisations = organisations;
		this.instrument = instrument;
		this.catalogue = catalogue;
		this.assessments = assessments;
		this.interventions = interventions;
		this.followUps = followUps;
		this.evaluation = evaluation;
		this.messages = messages;
	}

	@GetMapping("/api/v1/assessment-instrument")
	AssessmentInstrument instrument() {
		return this.instrument;
	}

	@GetMapping("/api/v1/interventions")
	InterventionCatalogue catalogue() {
		return this.catalogue.current();
	}

	@PostMapping("/api/v1/cases/{id}/assessments")
	ResponseEntity<RecordedAssessment> assess(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose, @RequestBody AssessmentRequest request) {
		List<AssessmentService.Recorded> recorded = this.assessments.record(new CaseId(id), access.actor(), purpose,
				request);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/assessments"))
			.body(new RecordedAssessment(recorded.get(0).id(), this.instrument.version(), recorded));
	}

	@GetMapping("/api/v1/cases/{id}/assessments")
	AssessmentList assessments(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		AssessmentService.Read read = this.assessments.read(access, new CaseId(id));
		if (!read.visible()) {
			throw new CaseNotFound();
		}
		return new AssessmentList(this.instrument.version(), read.entries().stream().map(this::view).toList(),
				AssessmentViews.prompts(this.instrument, read.entries()));
	}

	@GetMapping("/api/v1/cases/{id}/assessments/trend")
	AssessmentViews.Trend trend(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		AssessmentService.Read read = this.assessments.read(access, new CaseId(id));
		if (!read.visible()) {
			throw new CaseNotFound();
		}
		return AssessmentViews.trend(this.instrument, read.entries(), this::organisationName);
	}

	@PostMapping("/api/v1/cases/{id}/interventions")
	ResponseEntity<Created> choose(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose, @RequestBody InterventionRequest request) {
		UUID created = this.interventions.choose(new CaseId(id), access.actor(), purpose, request);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/interventions/" + created))
			.body(new Created(created));
	}

	@GetMapping("/api/v1/cases/{id}/interventions")
	List<InterventionService.View> interventions(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		InterventionService.Read read = this.interventions.read(access, new CaseId(id));
		if (!read.visible()) {
			throw new CaseNotFound();
		}
		return read.interventions();
	}

	@PostMapping("/api/v1/cases/{id}/interventions/{interventionId}/outcome")
	RecordedOutcome outcome(Access access, @PathVariable UUID id, @PathVariable UUID interventionId,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose,
			@RequestBody InterventionRequest.OutcomeRequest request) {
		this.interventions.recordOutcome(new CaseId(id), interventionId, access.actor(), purpose, request);
		return new RecordedOutcome(interventionId, request.outcome().strip(), request.endedOn());
	}

	@PostMapping("/api/v1/cases/{id}/interventions/{interventionId}/barriers")
	ResponseEntity<Created> barrier(Access access, @PathVariable UUID id, @PathVariable UUID interventionId,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose,
			@RequestBody InterventionRequest.BarrierRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Created(this.interventions.recordBarrier(new CaseId(id), interventionId, access.actor(), purpose,
					request)));
	}

	@GetMapping("/api/v1/follow-ups")
	List<FollowUpOverview.Moment> followUps(Access access, @RequestParam(required = false) String due) {
		return this.followUps.list(access.actor(), due);
	}

	@GetMapping("/api/v1/evaluation/interventions")
	Evaluation.Aggregates evaluation(Access access) {
		return this.evaluation.interventions(access);
	}

	/**
	 * The same aggregates as CSV (suppressed cells empty), for policy staff's own
	 * analysis.
	 */
	@GetMapping(value = "/api/v1/evaluation/interventions.csv", produces = "text/csv")
	ResponseEntity<String> evaluationCsv(Access access, @RequestParam(required = false) String breakdown) {
		if (breakdown != null && !List.of("phase", "age-group", "status").contains(breakdown)) {
			throw new nl.schakel.web.InvalidInput(
					List.of(new FieldProblem("breakdown", "One of phase, age-group, status (or none)")));
		}
		Evaluation.Aggregates aggregates = this.evaluation.interventions(access.via(Channel.EXPORT));
		List<String> kinds = this.catalogue.current()
			.barriers()
			.stream()
			.map(AssessmentInstrument.Coded::code)
			.toList();
		if (breakdown != null) {
			return breakdownCsv(breakdown, aggregates, kinds);
		}
		StringBuilder csv = new StringBuilder(
				"intervention;working_elements;cases;completed;stopped_early;ongoing;" + "mean_duration_days");
		appendHeader(csv, kinds);
		for (Evaluation.Row row : aggregates.interventions()) {
			csv.append(row.intervention()).append(';').append(String.join(",", row.workingElements()));
			appendCells(csv,
					java.util.Arrays.asList(row.cases(), row.completed(), row.stoppedEarly(), row.ongoing(),
							row.meanDurationDays()),
					row.barriers(), kinds,
					java.util.Arrays.asList(row.concernKnown(), row.concernDown(), row.concernSame(), row.concernUp()));
		}
		csv.append("# ").append(aggregates.rule()).append("\r\n");
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"evaluation-interventions.csv\"")
			.contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(csv.toString());
	}

	/**
	 * The columns every evaluation CSV ends with: a barrier column per kind, then the
	 * concern change.
	 */
	private static void appendHeader(StringBuilder csv, List<String> kinds) {
		kinds.forEach((k) -> csv.append(";barrier_").append(k.toLowerCase(java.util.Locale.ROOT)));
		csv.append(";concern_known;concern_down;concern_same;concern_up\r\n");
	}

	/** A row's figures, a suppressed (null) cell left empty, and the line's end. */
	private static void appendCells(StringBuilder csv, List<?> figures, java.util.Map<String, Long> barriers,
			List<String> kinds, List<Long> concern) {
		figures.forEach((cell) -> csv.append(';').append((cell != null) ? cell : ""));
		kinds.forEach((kind) -> {
			Long count = barriers.get(kind);
			csv.append(';').append((count != null) ? count : "");
		});
		concern.forEach((cell) -> csv.append(';').append((cell != null) ? cell : ""));
		csv.append("\r\n");
	}

	/**
	 * One breakdown (by phase, age group or status) as CSV: a line per intervention and
	 * value ({@code not_rated} when there is none), suppressed cells empty.
	 */
	private static ResponseEntity<String> breakdownCsv(String breakdown, Evaluation.Aggregates aggregates,
			List<String> kinds) {
		List<Evaluation.BreakdownRow> rows = switch (breakdown) {
			case "phase" -> aggregates.byPhase();
			case "age-group" -> aggregates.byAgeGroup();
			default -> aggregates.byStatus();
		};
		StringBuilder csv = new StringBuilder(
				"intervention;value;cases;completed;stopped_early;ongoing;mean_duration_days");
		appendHeader(csv, kinds);
		for (Evaluation.BreakdownRow row : rows) {
			csv.append(row.intervention()).append(';').append((row.value() != null) ? row.value() : "not_rated");
			appendCells(csv,
					java.util.Arrays.asList(row.cases(), row.completed(), row.stoppedEarly(), row.ongoing(),
							row.meanDurationDays()),
					row.barriers(), kinds,
					java.util.Arrays.asList(row.concernKnown(), row.concernDown(), row.concernSame(), row.concernUp()));
		}
		csv.append("# ").append(aggregates.rule()).append("\r\n");
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"evaluation-" + breakdown + ".csv\"")
			.contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(csv.toString());
	}

	private EntryView view(AssessmentService.Entry entry) {
		String ratedBy = organisationName(entry.organisation());
		String withheld = entry.permitted() ? null : this.messages.getMessage("assessment.withheld",
				new Object[] { ratedBy }, ratedBy + " heeft dit domein beoordeeld", LocaleContextHolder.getLocale());
		SealedAssessment c = entry.content();
		return new EntryView(entry.id(), entry.moment(), entry.domain(), entry.category(), entry.organisation(),
				ratedBy, entry.createdAt(), entry.outcome().decision().effect(), !entry.permitted(), withheld,
				entry.outcome().decision().ruleId(),
				entry.permitted() ? null : entry.outcome().decision().ruleDescription(),
				(c != null) ? c.ratings() : null, (c != null) ? c.note() : null,
				(c != null) ? c.integratedJudgement() : null, (c != null) ? c.concernLevel() : null,
				(c != null) ? c.concernJustification() : null,
				(c != null && c.instrumentName() != null) ? new AssessmentRequest.LicensedInstrument(c.instrumentName(),
						c.administeredBy(), c.administeredOn(), c.overallLevel()) : null);
	}

	private String organisationName(String code) {
		return this.organisations.byCode(code).map(Organisation::name).orElse(code);
	}

	@ExceptionHandler(CaseNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notFound() {
		// a non-participant learns nothing, not even whether the case exists
		return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "Case not found",
				"No such case, or you do not take part in it for this purpose");
	}

	@ExceptionHandler(CaseClosed.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail closed(CaseClosed ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "case-closed", "Case closed", "The case is "
				+ ex.status() + ": it accepts no assessments or interventions until the coordinator" + " reopens it");
		problem.setProperty("status", ex.status().name());
		return problem;
	}

	@ExceptionHandler(NotYourDomain.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	ProblemDetail notYours(NotYourDomain ex) {
		ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "not-yours-to-record", "Not yours to record",
				ex.getMessage());
		problem.setProperty("field", ex.field());
		problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
		return problem;
	}

	record Created(UUID id) {
	}

	/**
	 * What was written: the first entry's id, and one entry per domain rated (plus
	 * judgement, instrument).
	 */
	record RecordedAssessment(UUID id, String instrumentVersion, List<AssessmentService.Recorded> items) {
	}

	record RecordedOutcome(UUID id, String outcome, LocalDate endedOn) {
	}

	record AssessmentList(String instrumentVersion, List<EntryView> entries, List<AssessmentViews.PromptView> prompts) {
	}

	/**
	 * One entry; withheld entries carry who rated the domain and when, never the ratings.
	 */
	record EntryView(UUID id, String moment, String domain, DataCategory category, String ratedBy, String ratedByName,
			Instant createdAt, Decision decision, boolean withheld, String withheldText, String rule, String reason,
			List<SealedAssessment.Score> ratings, String note, String integratedJudgement, String concernLevel,
			String concernJustification, AssessmentRequest.LicensedInstrument licensedInstrument) {
	}

}
