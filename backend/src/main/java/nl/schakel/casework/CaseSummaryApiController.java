package nl.schakel.casework;

import nl.schakel.security.Access;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.organisation.Organisation;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;

import nl.schakel.web.Problems;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case summary as PDF over REST, under the purpose named in {@code X-Purpose}.
 * Producing it is an export: each item on it is recorded on channel EXPORT before the
 * first byte is sent.
 */
@RestController
class CaseSummaryApiController {

	private final CaseSummaries summaries;

	private final CaseSummaryPdf pdf;

	private final CaseIntake intake;

	CaseSummaryApiController(CaseSummaries summaries, CaseSummaryPdf pdf, CaseIntake intake) {
		this.summaries = summaries;
		this.pdf = pdf;
		this.intake = intake;
	}

	/**
	 * The case as the caller may see it under the purpose, as PDF; 404 for a case not
	 * theirs to see.
	 */
	@Operation(summary = "The case summary as PDF",
			description = "The case as the caller may see it under the purpose in X-Purpose: header, participants and "
					+ "contributions, withheld ones shown as withheld without content; the caller's name, organisation, "
					+ "purpose and the time on every page. Recorded as an export (channel EXPORT); nothing is stored.")
	@ApiResponse(responseCode = "200", description = "The summary",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
	@GetMapping("/api/v1/cases/{id}/summary.pdf")
	ResponseEntity<byte[]> summary(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		PrintedCase summary = this.summaries.print(access, new CaseId(id)).orElseThrow(CaseNotFound::new);
		return CaseSummaryResponses.pdf(summary, this.pdf.render(summary,
				this.intake.organisations().stream().collect(Collectors.toMap(Organisation::code, Organisation::name)),
				LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(CaseNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notFound() {
		// the same answer as reading the case: nothing tells a missing case from one not
		// yours
		return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "Case not found",
				"No such case, or you do not take part in it for this purpose");
	}

}
