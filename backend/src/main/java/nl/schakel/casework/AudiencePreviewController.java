package nl.schakel.casework;

import java.util.List;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.security.Access;
import nl.schakel.web.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * "Wat ziet wie?" next to the contribution form: htmx asks with {@code GET} on every
 * change of the form's category, basis, consent and audience and swaps the answer into a
 * live region; without JavaScript a button posts the form here and gets a whole page. The
 * button posts rather than gets because a form submitted with {@code GET} would put the
 * draft's text into the address; the text is ignored either way.
 */
@Controller
class AudiencePreviewController {

	private final CaseAudiencePreview preview;

	AudiencePreviewController(CaseAudiencePreview preview) {
		this.preview = preview;
	}

	@RequestMapping(path = "/cases/{id}/audience-preview", method = { RequestMethod.GET, RequestMethod.POST })
	String preview(Access access, @PathVariable UUID id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String legalBasis, @RequestParam(required = false) String consentId,
			@RequestParam(required = false) List<String> audienceOrganisations,
			@RequestParam(required = false) List<String> audienceDomains,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		CaseId caseId = new CaseId(id);
		this.preview.requireAdmitted(access, caseId);
		CaseAudiencePreview.Query query = new CaseAudiencePreview.Query(category, legalBasis, consentId,
				audienceOrganisations, audienceDomains);
		model.addAttribute("caseId", id);
		if (query.complete()) {
			try {
				model.addAttribute("readers", this.preview.foresee(access, caseId, query));
			}
			catch (InvalidInput ex) {
				model.addAttribute("previewProblems", ex.problems());
			}
		}
		return (htmx != null) ? "cases/audience-fragments :: result" : "cases/audience-preview";
	}

	@ExceptionHandler(CaseNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
