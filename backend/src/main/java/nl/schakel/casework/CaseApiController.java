package nl.schakel.casework;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.casefile.CasePage;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;
import nl.schakel.casefile.CloseReason;
import nl.schakel.casefile.RegisterCaseRequest;
import nl.schakel.casefile.TriageOutcome;
import nl.schakel.ids.CaseId;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.security.Access;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases over REST: {@code /api/v1/cases}. Every call names its purpose in
 * {@code X-Purpose}; reads go through the disclosure gate and are recorded with channel
 * API. Registering, listing, reading and moving a case here; its participants, consents
 * and contributions each in a controller of their own; the problems all of them answer in
 * {@link CaseApiProblems}.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApiController {

	private final CaseDossiers dossiers;

	private final CaseIntake intake;

	private final CaseFileService cases;

	private final CaseLifecycle lifecycle;

	CaseApiController(CaseDossiers dossiers, CaseIntake intake, CaseFileService cases, CaseLifecycle lifecycle) {
		this.dossiers = dossiers;
		this.intake = intake;
		this.cases = cases;
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

	@PostMapping("/{id}/triage")
	CaseSummary triage(Access access, @PathVariable UUID id, @RequestBody TriageDecision decision) {
		return CaseSummary
			.of(this.lifecycle.decideTriage(access, new CaseId(id), decision.outcome(), decision.reason()));
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

	record TriageDecision(TriageOutcome outcome, String reason) {
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

}
