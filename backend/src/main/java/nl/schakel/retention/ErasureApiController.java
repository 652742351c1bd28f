package nl.schakel.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.security.Access;
import nl.schakel.web.InvalidInput;
import nl.schakel.web.Problems;

import org.springframework.format.annotation.DateTimeFormat;
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
 * Erasure over REST: {@code POST /api/v1/cases/{id}/erasure} (the coordinator of the
 * case's safety house; body
 * {@code {"kind": "RETENTION_DUE" | "PERSON_REQUEST", "reason": "...", "decision":
 * "GRANTED" | "REFUSED"}}, the decision for a person's request only) erases at once and
 * answers with the proof; {@code GET /api/v1/audit/destructions} lists the proofs for
 * auditors ({@code from}, {@code to}, {@code rule}, {@code kind}, {@code category} for
 * the erasures of one data category inside cases that were kept; purpose {@code AUDIT}).
 */
@RestController
class ErasureApiController {

	private final CaseErasureRequests requests;

	private final DestructionProofs proofs;

	private final Rectifications rectifications;

	ErasureApiController(CaseErasureRequests requests, DestructionProofs proofs, Rectifications rectifications) {
		this.requests = requests;
		this.proofs = proofs;
		this.rectifications = rectifications;
	}

	/**
	 * Rectification on the person's request (art. 16):
	 * {@code {"field": "name" | "dateOfBirth" | "address", "value": "...", "reason":
	 * "...", "decision": "GRANTED" | "REFUSED"}} (decision defaults to granted); the
	 * recipients the log names are notified.
	 */
	@PostMapping("/api/v1/cases/{id}/rectification")
	Rectifications.Rectification rectify(Access access, @PathVariable UUID id, @RequestBody RectificationRequest body) {
		return this.rectifications.rectify(access.actor(), new CaseId(id), body.field(), body.value(), body.reason(),
				body.decision());
	}

	@PostMapping("/api/v1/cases/{id}/erasure")
	ResponseEntity<Object> erase(Access access, @PathVariable UUID id, @RequestBody ErasureRequest body) {
		return this.requests
			.erase(access.actor(), new CaseId(id), body.kind(), body.reason(), body.decision(), body.holdWeighed())
			.<ResponseEntity<Object>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.ok(new Refusal(id, "REFUSED")));
	}

	@GetMapping("/api/v1/audit/destructions")
	List<DestructionProof> destructions(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String category,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		if (!"AUDIT".equals(purpose.code())) {
			throw InvalidInput.of(PurposeBinding.HEADER, "The proofs of destruction are read for purpose AUDIT");
		}
		ErasureKind parsed = ErasureKind.parse(kind);
		if (kind != null && !kind.isBlank() && parsed == null) {
			throw InvalidInput.of("kind", "Kind is RETENTION_DUE or PERSON_REQUEST");
		}
		DataCategory inCategory = null;
		if (category != null && !category.isBlank()) {
			try {
				inCategory = DataCategory.valueOf(category.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInput.of("category", "Category is one of the data categories, e.g. HEALTH");
			}
		}
		return this.proofs.search(from, to, rule, parsed, inCategory);
	}

	@ExceptionHandler(CaseNotErasable.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "Case not found",
				"No such case in your safety house");
	}

	@ExceptionHandler(CaseErased.class)
	@ResponseStatus(HttpStatus.GONE)
	ProblemDetail erased() {
		return ErasedCases.problem();
	}

	@ExceptionHandler(CaseNotDue.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail notDue(CaseNotDue ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "case-not-due", "Case not due for erasure",
				(ex.dueOn() == null)
						? "The case is not closed: its retention has not started, so it is not erased as retention due"
						: "The retention of this case runs until " + ex.dueOn()
								+ " (its period or a recorded extension); it is not erased as retention due before");
		problem.setProperty("dueOn", (ex.dueOn() != null) ? ex.dueOn().toString() : null);
		return problem;
	}

	@ExceptionHandler(CaseUnderHold.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail underHold(CaseUnderHold ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "case-under-retention-hold",
				"Case kept for a pending procedure",
				"The case is kept until " + ex.until() + " for a pending procedure (" + ex.reason()
						+ "); erase it on the person's request only with holdWeighed: true, "
						+ "recording that the decision weighed this hold and set it aside");
		problem.setProperty("heldUntil", ex.until().toString());
		problem.setProperty("holdReason", ex.reason());
		return problem;
	}

	record ErasureRequest(String kind, String reason, String decision, Boolean holdWeighed) {
	}

	record Refusal(UUID caseId, String decision) {
	}

	record RectificationRequest(String field, String value, String reason, String decision) {

		@Override
		public String toString() {
			return "RectificationRequest[field=" + this.field + ", decision=" + this.decision + "]";
		}

	}

}
