package nl.schakel.casework;

import nl.schakel.security.Access;
import java.util.UUID;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.contribution.DisclosureRequestService;
import nl.schakel.contribution.DisclosureRequestView;
import nl.schakel.contribution.GrantChangesNothing;
import nl.schakel.contribution.GrantDecision;
import nl.schakel.contribution.NotAParticipant;
import nl.schakel.contribution.RequestAlreadyDecided;
import nl.schakel.policy.LegalBasis;
import nl.schakel.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Disclosure requests over REST: the inbox, and the author's grant or refusal. */
@RestController
@RequestMapping("/api/v1/requests")
class RequestApiController {

	private final CaseContributions caseContributions;

	RequestApiController(CaseContributions caseContributions) {
		this.caseContributions = caseContributions;
	}

	@GetMapping
	DisclosureRequestService.Inbox inbox(Access access) {
		return this.caseContributions.inbox(access);
	}

	@PostMapping("/{id}/grant")
	DisclosureRequestView grant(Access access, @PathVariable UUID id, @RequestBody GrantBody body) {
		return this.caseContributions.grantDisclosure(access, id,
				new GrantDecision(body.basis(), Boolean.TRUE.equals(body.toOrganisation()), body.consentId(),
						body.statutoryReference(), body.conflictOfDuties(),
						Boolean.TRUE.equals(body.secrecyBreachConfirmed())));
	}

	@PostMapping("/{id}/refusal")
	DisclosureRequestView refuse(Access access, @PathVariable UUID id, @RequestBody RefusalBody body) {
		return this.caseContributions.refuseDisclosure(access, id, body.reason());
	}

	@ExceptionHandler(CaseClosed.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail closed(CaseClosed ex) {
		return ClosedCaseProblem.of(ex);
	}

	@ExceptionHandler(NotAParticipant.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "request-not-found", "Request not found",
				"No such request, or it is not addressed to you");
	}

	@ExceptionHandler(GrantChangesNothing.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	ProblemDetail changesNothing(GrantChangesNothing ex) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "grant-changes-nothing",
				"Grant would change nothing",
				"The access policy would not show the item to the requester on this grant; the request stays open. "
						+ ex.reason());
		problem.setProperty("errors", java.util.List.of(new nl.schakel.web.FieldProblem("basis", ex.reason())));
		return problem;
	}

	@ExceptionHandler(RequestAlreadyDecided.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail decided() {
		return Problems.of(HttpStatus.CONFLICT, "request-already-decided", "Request already decided",
				"This request has been granted or refused already");
	}

	record GrantBody(LegalBasis basis, Boolean toOrganisation, UUID consentId, String statutoryReference,
			ContributionRequest.ConflictOfDuties conflictOfDuties, Boolean secrecyBreachConfirmed) {
	}

	record RefusalBody(String reason) {
	}

}
