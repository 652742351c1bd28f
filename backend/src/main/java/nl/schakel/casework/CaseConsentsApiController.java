package nl.schakel.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.consent.ConsentEvidence;
import nl.schakel.consent.ConsentScope;
import nl.schakel.consent.ConsentView;
import nl.schakel.consent.EvidenceKind;
import nl.schakel.ids.CaseId;
import nl.schakel.ids.ConsentId;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.security.Access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's consents over REST: {@code /api/v1/cases/{id}/consents}, listed, recorded by
 * the holder, and withdrawn.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseConsentsApiController {

	private final CaseConsents consents;

	CaseConsentsApiController(CaseConsents consents) {
		this.consents = consents;
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

}
