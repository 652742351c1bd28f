package nl.schakel.casework;

import java.net.URI;
import java.util.List;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.casefile.StatusPreconditionNotMet;
import nl.schakel.casefile.StatusTransitionNotAllowed;
import nl.schakel.consent.ConsentNotFound;
import nl.schakel.contribution.NotAParticipant;
import nl.schakel.participation.BreakGlassLimitReached;
import nl.schakel.participation.ParticipantNotFound;
import nl.schakel.participation.SteeringHouseStays;
import nl.schakel.person.BsnKnownUnderOtherDetails;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems {@code /api/v1/cases} answers, one set for every controller under it: a
 * case that is missing or not the caller's answers the same wherever it is met. Ordered
 * before the generic handler, whose catch-all would otherwise answer first, as these
 * handlers did when they sat in the one controller.
 */
@RestControllerAdvice(assignableTypes = { CaseApiController.class, CaseParticipantsApiController.class,
		CaseConsentsApiController.class, CaseContributionsApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseApiProblems {

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

}
