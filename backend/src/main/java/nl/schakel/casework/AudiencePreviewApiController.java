package nl.schakel.casework;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.disclosure.AudienceForecast;
import nl.schakel.policy.RuleExplanations;
import nl.schakel.security.Access;
import nl.schakel.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Wat ziet wie?" over REST: {@code GET /api/v1/cases/{id}/audience-preview}. A what-if
 * on a contribution's metadata that discloses nothing, so no purpose is needed (one named
 * in {@code X-Purpose} is checked); the caller must be admitted to the case.
 */
@RestController
class AudiencePreviewApiController {

	private final CaseAudiencePreview preview;

	private final RuleExplanations explanations;

	AudiencePreviewApiController(CaseAudiencePreview preview, RuleExplanations explanations) {
		this.preview = preview;
		this.explanations = explanations;
	}

	@GetMapping("/api/v1/cases/{id}/audience-preview")
	@Operation(summary = "Who would see a contribution with this metadata",
			description = "For each organisation admitted to the case today: whether it would see a contribution "
					+ "of this category, on this basis and consent, shared with this audience, under the policy and "
					+ "consents in force, and why (the deciding rule's explanation in the request's language). "
					+ "Discloses nothing and writes no disclosure row. Only for a caseworker admitted to the case "
					+ "(404 otherwise, as for a missing case); a category or basis the caller's role may not "
					+ "contribute is a 400 naming the field.")
	List<Audience> preview(Access access, @PathVariable UUID id,
			@Parameter(description = "data category, e.g. HEALTH") @RequestParam(required = false) String category,
			@Parameter(description = "legal basis, e.g. CONSENT") @RequestParam(required = false) String legalBasis,
			@Parameter(description = "the consent the item would rest on") @RequestParam(
					required = false) String consentId,
			@Parameter(description = "organisation codes to share with") @RequestParam(
					required = false) List<String> audienceOrganisations,
			@Parameter(description = "domains to share with") @RequestParam(
					required = false) List<String> audienceDomains) {
		return this.preview
			.foresee(access, new CaseId(id),
					new CaseAudiencePreview.Query(category, legalBasis, consentId, audienceOrganisations,
							audienceDomains))
			.stream()
			.map(this::audience)
			.toList();
	}

	private Audience audience(AudienceForecast.Foreseen foreseen) {
		return new Audience(foreseen.organisation(), foreseen.organisationName(), foreseen.domain(), foreseen.sees(),
				foreseen.knowsItExists(), this.explanations.of(foreseen.decision().ruleId()));
	}

	/**
	 * What one participating organisation would get.
	 *
	 * @param organisation its code
	 * @param organisationName its name
	 * @param domain its domain
	 * @param sees whether it would see the content
	 * @param knowsItExists whether it would see only that the item exists (and may ask
	 * for it)
	 * @param explanation why, in the words of the deciding rule
	 */
	record Audience(String organisation, String organisationName, String domain, boolean sees, boolean knowsItExists,
			String explanation) {
	}

	@ExceptionHandler(CaseNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notFound() {
		// the same answer as reading the case: nothing tells a missing case from one not
		// yours
		return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "Case not found",
				"No such case, or you do not take part in it");
	}

}
