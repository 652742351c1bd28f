package nl.schakel.casefile;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cases over REST: {@code /api/v1/cases}. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApiController {

	private final CaseFileService cases;

	CaseApiController(CaseFileService cases) {
		this.cases = cases;
	}

	@PostMapping
	ResponseEntity<CaseResponse> register(@Valid @RequestBody RegisterCaseRequest request) {
		CaseView registered = this.cases.view(this.cases.register(request));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + registered.id().value()))
			.body(CaseResponse.of(registered));
	}

	@GetMapping
	CaseListResponse list(@RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "50") int size) {
		CasePage page = this.cases.page(before, size);
		return new CaseListResponse(page.cases().stream().map(CaseResponse::of).toList(), page.nextCursor());
	}

	@GetMapping("/{id}")
	CaseResponse get(@PathVariable UUID id) {
		return CaseResponse.of(this.cases.view(new CaseId(id)));
	}

	@PostMapping("/{id}/status")
	CaseResponse move(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
		return CaseResponse.of(this.cases.move(new CaseId(id), change.status()));
	}

	@ExceptionHandler(CaseNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "Case not found", "No such case");
	}

	@ExceptionHandler(StatusTransitionNotAllowed.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ProblemDetail transition(StatusTransitionNotAllowed ex) {
		ProblemDetail problem = Problems.invalidInput(List.of(new FieldProblem("status",
				"A case in " + ex.from() + " can move to " + ex.from().next() + ", not to " + ex.to())));
		problem.setType(URI.create(Problems.BASE + "status-transition-not-allowed"));
		return problem;
	}

	record StatusChange(@NotNull(message = "{case.status.required}") CaseStatus status) {
	}

	record PersonResponse(UUID id, String name, LocalDate dateOfBirth, boolean bsnRegistered) {
	}

	record CaseResponse(UUID id, String reference, PersonResponse person, CaseType caseType, CaseStatus status,
			List<CaseStatus> nextStatuses, String coordinator, LocalDate openedOn, LocalDate closedOn) {

		static CaseResponse of(CaseView view) {
			return new CaseResponse(view.id().value(), view.reference(),
					new PersonResponse(view.person().id().value(), view.person().name(), view.person().dateOfBirth(),
							view.person().bsnRegistered()),
					view.caseType(), view.status(), view.nextStatuses(), view.coordinator(), view.openedOn(),
					view.closedOn());
		}

	}

	record CaseListResponse(List<CaseResponse> items, Long next) {
	}

}
