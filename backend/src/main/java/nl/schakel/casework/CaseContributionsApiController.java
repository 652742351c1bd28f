package nl.schakel.casework;

import java.util.UUID;

import jakarta.validation.Valid;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.contribution.DisclosureRequestView;
import nl.schakel.ids.CaseId;
import nl.schakel.ids.ContributionId;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.security.Access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contributions over REST: {@code POST /api/v1/cases/{id}/contributions} adds one, and
 * {@code POST /api/v1/cases/{id}/contributions/{contributionId}/requests} asks its holder
 * to disclose one the asker may only know exists.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseContributionsApiController {

	private final CaseContributions caseContributions;

	CaseContributionsApiController(CaseContributions caseContributions) {
		this.caseContributions = caseContributions;
	}

	@PostMapping("/{id}/contributions")
	ResponseEntity<Created> contribute(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose,
			@Valid @RequestBody ContributionRequest request) {
		UUID created = this.caseContributions.contribute(access, new CaseId(id), request);
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(created));
	}

	@PostMapping("/{id}/contributions/{contributionId}/requests")
	ResponseEntity<DisclosureRequestView> requestDisclosure(Access access, @PathVariable UUID id,
			@PathVariable UUID contributionId, @RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose,
			@RequestBody DisclosureRequestBody body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.caseContributions.requestDisclosure(access, new CaseId(id), new ContributionId(contributionId),
					body.reason()));
	}

	record DisclosureRequestBody(String reason) {
	}

	record Created(UUID id) {
	}

}
