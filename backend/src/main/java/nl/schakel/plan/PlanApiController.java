package nl.schakel.plan;

import nl.schakel.security.Access;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.security.Channel;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan of action over REST: {@code /api/v1/cases/{id}/actions}. Like every call on a
 * case it names its purpose in {@code X-Purpose}; descriptions and progress notes are
 * read through the gate and recorded with channel API.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/actions")
class PlanApiController {

	private final PlanOfAction plan;

	PlanApiController(PlanOfAction plan) {
		this.plan = plan;
	}

	/** The case's actions, soonest deadline first, each with its overdue flag. */
	@GetMapping
	ActionList list(Access access, @PathVariable UUID id, @RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		return new ActionList(this.plan.read(access, new CaseId(id)).orElseThrow(CaseNotFound::new));
	}

	/**
	 * Assigns an action to an admitted organisation (the coordinator steering the case).
	 */
	@PostMapping
	ResponseEntity<ActionSummary> assign(Access access, @PathVariable UUID id, @RequestBody ActionRequest body) {
		ActionSummary assigned = this.plan.assign(access, new CaseId(id),
				new NewAction(body.description(), body.organisation(), body.due(), body.meetingId()));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/actions/" + assigned.id())).body(assigned);
	}

	/**
	 * A status report: {@code {"status": "DONE", "note": "..."}}; cancelling needs a note
	 * (the reason).
	 */
	@PostMapping("/{actionId}/status")
	ActionSummary report(Access access, @PathVariable UUID id, @PathVariable UUID actionId,
			@RequestBody StatusRequest body) {
		return this.plan.report(access, new CaseId(id), actionId, new StatusUpdate(body.status(), body.note()));
	}

	@ExceptionHandler(CaseNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail caseNotFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "Case not found",
				"No such case, or you do not take part in it for this purpose");
	}

	@ExceptionHandler(ActionNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail actionNotFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "action-not-found", "Action not found", "No such action in this case");
	}

	@ExceptionHandler(NotYourAction.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	ProblemDetail notYourAction() {
		return Problems.of(HttpStatus.FORBIDDEN, "not-your-action", "Not your organisation's action",
				"Only the organisation responsible for an action, or the coordinator, reports on it");
	}

	@ExceptionHandler(CaseClosed.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail closed(CaseClosed ex) {
		// the same answer casework gives to any write on a closed case
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "case-closed", "Case closed", "The case is "
				+ ex.status() + ": its plan of action takes no changes until the coordinator reopens it");
		problem.setProperty("status", ex.status().name());
		return problem;
	}

	record ActionRequest(String description, String organisation, LocalDate due, UUID meetingId) {

		@Override
		public String toString() {
			return "ActionRequest[organisation=" + this.organisation + ", due=" + this.due + "]";
		}

	}

	record StatusRequest(ActionStatus status, String note) {

		@Override
		public String toString() {
			return "StatusRequest[status=" + this.status + "]";
		}

	}

	record ActionList(List<ActionView> items) {
	}

}
