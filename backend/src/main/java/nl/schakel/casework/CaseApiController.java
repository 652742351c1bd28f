package nl.schakel.casework;

import nl.schakel.ids.ConsentId;
import nl.schakel.ids.ContributionId;
import nl.schakel.security.Access;
import nl.schakel.policy.PurposeBinding;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.casefile.CasePage;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;
import nl.schakel.casefile.CloseReason;
import nl.schakel.casefile.ReferralDetails;
import nl.schakel.casefile.RegisterCaseRequest;
import nl.schakel.casefile.StatusPreconditionNotMet;
import nl.schakel.casefile.StatusTransitionNotAllowed;
import nl.schakel.casefile.TriageOutcome;
import nl.schakel.consent.ConsentEvidence;
import nl.schakel.consent.ConsentNotFound;
import nl.schakel.consent.ConsentScope;
import nl.schakel.consent.ConsentView;
import nl.schakel.consent.EvidenceKind;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.contribution.DisclosureRequestView;
import nl.schakel.contribution.NotAParticipant;
import nl.schakel.security.Channel;
import nl.schakel.participation.Admission;
import nl.schakel.participation.BreakGlassLimitReached;
import nl.schakel.participation.SteeringHouseStays;
import nl.schakel.participation.BreakGlassView;
import nl.schakel.participation.ParticipantNotFound;
import nl.schakel.participation.ParticipantView;
import nl.schakel.person.BsnKnownUnderOtherDetails;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;
import nl.schakel.policy.Purpose;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases over REST: {@code /api/v1/cases}. Every call names its purpose in
 * {@code X-Purpose}; reads go through the disclosure gate and are recorded with channel
 * API.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApiController {

	private final CaseParticipants participants;

	private final CaseContributions caseContributions;

	private final CaseDossiers dossiers;

	private final CaseIntake intake;

	private final CaseFileService cases;

	private final CaseConsents consents;

	private final CaseLifecycle lifecycle;

	CaseApiController(CaseParticipants participants, CaseContributions caseContributions, CaseDossiers dossiers,
			CaseIntake intake, CaseFileService cases, CaseConsents consents, CaseLifecycle lifecycle) {
		this.participants = participants;
		this.caseContributions = caseContributions;
		this.dossiers = dossiers;
		this.intake = intake;
		this.cases = cases;
		this.consents = consents;
		this.lifecycle = lifecycle;
	}

	@PostMapping
	ResponseEntity<CaseSummary> register(Access access, @Valid @RequestBody RegisterCaseRequest request) {
		CaseFacts facts = this.intake.registerReferral(access, request);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + facts.id().value())).body(CaseSummary.of(facts));
	}

	@GetMapping
	CaseList list(Access access, @RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "50") int size,
			@org.springdoc.core.annotations.ParameterObject CaseListFilter filter) {
		CasePage page = this.cases.page(access, before, size, filter.toFilter());
		return new CaseList(page.cases().stream().map(CaseSummary::of).toList(), page.nextCursor());
	}

	@GetMapping("/{id}")
	CaseResponse get(Access access, @PathVariable UUID id, @RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose,
			@RequestParam(required = false) String before, @RequestParam(required = false) Integer size) {
		TimelinePage page = TimelinePage.of(before, size);
		if (this.dossiers.open(access, new CaseId(id), page) instanceof CaseOpening.Visible visible) {
			return CaseResponse.of(visible.dossier());
		}
		throw new CaseNotFound();
	}

	@PostMapping("/{id}/status")
	CaseSummary move(Access access, @PathVariable UUID id, @Valid @RequestBody StatusChange change) {
		return CaseSummary
			.of(this.lifecycle.move(access, new CaseId(id), change.status(), change.reason(), change.text()));
	}

	/**
	 * Reopens a closed or declined case, with a reason; partners must be admitted again.
	 */
	@PostMapping("/{id}/reopening")
	CaseSummary reopen(Access access, @PathVariable UUID id, @RequestBody Reopening reopening) {
		return CaseSummary.of(this.lifecycle.reopen(access, new CaseId(id), reopening.reason()));
	}

	@PostMapping("/{id}/contributions")
	ResponseEntity<Created> contribute(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose,
			@Valid @RequestBody ContributionRequest request) {
		UUID created = this.caseContributions.contribute(access, new CaseId(id), request);
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(created));
	}

	@GetMapping("/{id}/participants")
	List<ParticipantView> participants(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		return dossier(access, id).participants();
	}

	@PostMapping("/{id}/participants")
	ResponseEntity<ParticipantView> admit(Access access, @PathVariable UUID id, @RequestBody AdmissionRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.participants.admit(access, new CaseId(id), new Admission(request.organisation(),
					request.professionals(), request.purposes(), request.validUntil())));
	}

	@DeleteMapping("/{id}/participants/{participantId}")
	ParticipantView remove(Access access, @PathVariable UUID id, @PathVariable UUID participantId) {
		return this.participants.remove(access, new CaseId(id), participantId);
	}

	@GetMapping("/{id}/consents")
	List<ConsentView> consents(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		return this.consents.list(access, new CaseId(id));
	}

	@PostMapping("/{id}/consents")
	ResponseEntity<ConsentView> recordConsent(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose, @RequestBody ConsentRequest request) {
		ConsentScope scope = new ConsentScope(request.organisations(), request.domains(), request.categories(),
				request.purposes(), request.validFrom(), request.validUntil());
		ConsentEvidence evidence = new ConsentEvidence(request.evidenceKind(), request.evidence(),
				request.evidenceObtainedOn(), request.evidenceObtainedBy());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.consents.record(access, new CaseId(id), scope, evidence, request.holder()));
	}

	@PostMapping("/{id}/consents/{consentId}/withdrawal")
	ConsentView withdraw(Access access, @PathVariable UUID id, @PathVariable UUID consentId,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose,
			@RequestBody(required = false) Withdrawal withdrawal) {
		return this.consents.withdraw(access, new CaseId(id), new ConsentId(consentId),
				(withdrawal != null) ? withdrawal.on() : null, (withdrawal != null) ? withdrawal.reason() : null);
	}

	@PostMapping("/{id}/triage")
	CaseSummary triage(Access access, @PathVariable UUID id, @RequestBody TriageDecision decision) {
		return CaseSummary
			.of(this.lifecycle.decideTriage(access, new CaseId(id), decision.outcome(), decision.reason()));
	}

	@PostMapping("/{id}/break-glass")
	ResponseEntity<BreakGlassView> breakGlass(Access access, @PathVariable UUID id,
			@RequestBody BreakGlassRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.participants.openBreakGlass(access, new CaseId(id), request.reason()));
	}

	@PostMapping("/{id}/contributions/{contributionId}/requests")
	ResponseEntity<DisclosureRequestView> requestDisclosure(Access access, @PathVariable UUID id,
			@PathVariable UUID contributionId, @RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose,
			@RequestBody DisclosureRequestBody body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.caseContributions.requestDisclosure(access, new CaseId(id), new ContributionId(contributionId),
					body.reason()));
	}

	@ExceptionHandler(BreakGlassNotAllowed.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	ProblemDetail breakGlassNotAllowed() {
		return Problems.of(HttpStatus.FORBIDDEN, "break-glass-not-allowed", "Emergency access not allowed",
				"The access policy does not let your role open emergency access");
	}

	@ExceptionHandler(BreakGlassLimitReached.class)
	ResponseEntity<ProblemDetail> breakGlassLimitReached(BreakGlassLimitReached ex) {
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "break-glass-limit-reached",
				"Emergency access limit reached", "You opened emergency access " + ex.limit()
						+ " times in the last 24 hours; the policy allows no more. The refusal is reviewed.");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
			.body(problem);
	}

	private CaseDossier dossier(Access access, UUID id) {
		if (this.dossiers.open(access, new CaseId(id)) instanceof CaseOpening.Visible visible) {
			return visible.dossier();
		}
		throw new CaseNotFound();
	}

	@ExceptionHandler({ CaseNotFound.class, ParticipantNotFound.class, ConsentNotFound.class, NotAParticipant.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notFound() {
		// a non-participant learns nothing, not even whether the case exists
		return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "Case not found",
				"No such case, or you do not take part in it for this purpose");
	}

	@ExceptionHandler(SteeringHouseStays.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail steeringHouseStays(SteeringHouseStays ex) {
		return Problems.of(HttpStatus.CONFLICT, "steering-house-stays", "The safety house stays on its case",
				ex.getMessage());
	}

	@ExceptionHandler(CaseClosed.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail closed(CaseClosed ex) {
		return ClosedCaseProblem.of(ex);
	}

	@ExceptionHandler(BsnKnownUnderOtherDetails.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail bsnKnownUnderOtherDetails(BsnKnownUnderOtherDetails ex) {
		// which details differ, never what is registered: the coordinator checks the BSN
		// or confirms
		List<String> differences = ex.differences()
			.stream()
			.map((difference) -> (difference == BsnKnownUnderOtherDetails.Difference.NAME) ? "name" : "dateOfBirth")
			.toList();
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "bsn-known-under-other-details",
				"BSN registered under other details",
				"This BSN is registered for a person whose " + String.join(" and ", differences)
						+ " differ from the referral; check the BSN, or confirm with samePersonConfirmed that it is"
						+ " the same person");
		// named as the issue of the BSN itself ("bsn") and by its place in the body
		// ("person.bsn")
		String message = "registered for a person whose " + String.join(" and ", differences) + " differ";
		problem.setProperty("field", "bsn");
		problem.setProperty("errors",
				List.of(new FieldProblem("bsn", message), new FieldProblem("person.bsn", message)));
		problem.setProperty("differences", differences);
		return problem;
	}

	@ExceptionHandler(StatusTransitionNotAllowed.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ProblemDetail transition(StatusTransitionNotAllowed ex) {
		ProblemDetail problem = Problems.invalidInput(List.of(new FieldProblem("status",
				"A case in " + ex.from() + " can move to " + ex.from().next() + ", not to " + ex.to())));
		problem.setType(URI.create(Problems.BASE + "status-transition-not-allowed"));
		return problem;
	}

	@ExceptionHandler(StatusPreconditionNotMet.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail precondition(StatusPreconditionNotMet ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ex.refusal().type(), "Status step refused",
				ex.refusal().message());
		problem.setProperty("status", ex.from().name());
		problem.setProperty("target", ex.to().name());
		return problem;
	}

	/**
	 * A status move; closing names a reason from the list, and free text (required for
	 * OTHER).
	 */
	record StatusChange(@NotNull(message = "{case.status.required}") CaseStatus status, CloseReason reason,
			String text) {
	}

	record Reopening(String reason) {
	}

	record AdmissionRequest(String organisation, List<String> professionals, List<String> purposes,
			LocalDate validUntil) {
	}

	/**
	 * A consent to record; {@code holder}, when given, must be the recorder's own
	 * organisation.
	 */
	record ConsentRequest(List<String> organisations, List<String> domains, List<String> categories,
			List<String> purposes, LocalDate validFrom, LocalDate validUntil, String evidence,
			EvidenceKind evidenceKind, LocalDate evidenceObtainedOn, String evidenceObtainedBy, String holder) {
	}

	record Withdrawal(LocalDate on, String reason) {
	}

	record TriageDecision(TriageOutcome outcome, String reason) {
	}

	record BreakGlassRequest(String reason) {
	}

	record DisclosureRequestBody(String reason) {
	}

	record Created(UUID id) {
	}

	record CaseSummary(UUID id, String reference, CaseType caseType, CaseStatus status, List<CaseStatus> nextStatuses,
			String coordinator, LocalDate openedOn, LocalDate closedOn, TriageOutcome triageOutcome,
			CloseReason closeReason, String closeText, LocalDate reopenedOn, String reopenReason) {

		static CaseSummary of(CaseFacts facts) {
			return new CaseSummary(facts.id().value(), facts.reference(), facts.caseType(), facts.status(),
					facts.nextStatuses(), facts.coordinator(), facts.openedOn(), facts.closedOn(),
					facts.triageOutcome(), facts.closeReason(), facts.closeText(), facts.reopenedOn(),
					facts.reopenReason());
		}

	}

	record CaseList(List<CaseSummary> items, Long next) {
	}

	record PersonResponse(String name, LocalDate dateOfBirth, boolean bsnRegistered) {
	}

	record ReferralResponse(String referringOrganisation, String referringProfessional, List<String> invitedPartners,
			boolean personInformed, String reason, String goal, String notInformedReason) {

		static ReferralResponse of(CaseDossier dossier) {
			if (dossier.referral() == null) {
				return null;
			}
			ReferralDetails details = dossier.referralDetails();
			return new ReferralResponse(dossier.referral().referringOrganisation(),
					dossier.referral().referringProfessional(), dossier.referral().invitedPartners(),
					dossier.referral().personInformed(), (details != null) ? details.reason() : null,
					(details != null) ? details.goal() : null, (details != null) ? details.notInformedReason() : null);
		}

	}

	record Item(UUID id, String holder, DataCategory category, Instant createdAt, Decision decision, String content,
			String rule, String reason) {
	}

	record CaseResponse(UUID id, String reference, CaseType caseType, CaseStatus status, List<CaseStatus> nextStatuses,
			String coordinator, LocalDate openedOn, LocalDate closedOn, String purpose, PersonResponse person,
			ReferralResponse referral, BreakGlassView breakGlass, List<Item> contributions, String olderContributions) {

		static CaseResponse of(CaseDossier dossier) {
			CaseFacts facts = dossier.facts();
			return new CaseResponse(facts.id().value(), facts.reference(), facts.caseType(), facts.status(),
					facts.nextStatuses(), facts.coordinator(), facts.openedOn(), facts.closedOn(),
					dossier.purpose().purpose().code(),
					new PersonResponse(
							dossier.person().name(), dossier.person().dateOfBirth(), dossier.person().bsnRegistered()),
					ReferralResponse.of(dossier), dossier.breakGlass(),
					dossier.timeline()
						.stream()
						.map((e) -> new Item(e.id(), e.holder(), e.category(), e.createdAt(), e.decision(), e.content(),
								e.ruleId(), e.reason()))
						.toList(),
					dossier.olderTimeline());
		}

	}

}
