package nl.schakel.audit;

import nl.schakel.security.Access;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.security.Channel;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.web.InvalidInput;
import nl.schakel.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor workspace over REST: {@code /api/v1/audit}. Every call names its purpose in
 * {@code X-Purpose}: {@code AUDIT}, or {@code SUBJECT_ACCESS} for subject-access reports.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

	private final AuditWorkspace workspace;

	AuditApiController(AuditWorkspace workspace) {
		this.workspace = workspace;
	}

	/**
	 * A page of the disclosure log, newest first; pass {@code nextCursor} as
	 * {@code cursor} for the next.
	 */
	@GetMapping("/disclosures")
	DisclosurePage disclosures(Access access, @ModelAttribute DisclosureFilter filter,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		require(purpose, AuditWorkspace.AUDIT);
		return this.workspace.search(access, filter);
	}

	/** The whole result as CSV (up to the export limit); recorded as an export. */
	@GetMapping("/disclosures.csv")
	void export(Access access, @ModelAttribute DisclosureFilter filter,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose, HttpServletResponse response)
			throws IOException {
		require(purpose, AuditWorkspace.AUDIT);
		// log, then stream: until the export's record is committed, any failure is a
		// problem detail
		AuditWorkspace.RecordedExport export = this.workspace.recordExport(access, filter);
		AuditController.csvHeaders(response);
		this.workspace.stream(export, response.getWriter());
	}

	/**
	 * Finds a person by BSN (in the body, never in a URL) or by name and date of birth.
	 */
	@PostMapping("/person-lookup")
	Map<String, UUID> lookup(Access access, @RequestBody SubjectAccessRequest who,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		require(purpose, AuditWorkspace.AUDIT);
		Optional<UUID> found = this.workspace.lookupPerson(access, who);
		return Map.of("personId", found.orElseThrow(() -> AuditWorkspace.nobodyFound(who)));
	}

	@GetMapping("/reviews")
	Map<String, List<ReviewView>> reviews(@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		require(purpose, AuditWorkspace.AUDIT);
		return Map.of("open", this.workspace.openReviews(500), "reviewed", this.workspace.reviewedRecently(100));
	}

	@GetMapping("/reviews/{id}")
	ReviewView review(@PathVariable UUID id, @RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		require(purpose, AuditWorkspace.AUDIT);
		return this.workspace.reviewItem(id).orElseThrow(AuditWorkspace.ReviewItemNotFound::new);
	}

	@GetMapping("/reviews/{id}/history")
	List<AuditWorkspace.ReviewRevision> reviewHistory(@PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		require(purpose, AuditWorkspace.AUDIT);
		return this.workspace.reviewHistory(id);
	}

	@PostMapping("/reviews/{id}/finding")
	ReviewView finding(Access access, @PathVariable UUID id, @RequestBody FindingRequest finding,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		require(purpose, AuditWorkspace.AUDIT);
		return this.workspace.recordFinding(access, id, finding.finding(), finding.comment());
	}

	@GetMapping("/history/cases/{id}")
	List<HistoryEntry> caseHistory(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		require(purpose, AuditWorkspace.AUDIT);
		return this.workspace.caseHistory(access, id);
	}

	@GetMapping("/history/contributions/{id}")
	List<HistoryEntry> contributionHistory(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		require(purpose, AuditWorkspace.AUDIT);
		return this.workspace.contributionHistory(access, id);
	}

	/** The head of the sealed log, to print, sign and keep elsewhere. */
	@GetMapping("/head")
	Object head(@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		require(purpose, AuditWorkspace.AUDIT);
		return AuditController.headJson(this.workspace.head());
	}

	@PostMapping("/verification")
	VerificationReport verify(Access access, @RequestBody(required = false) VerifyRequest request,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		require(purpose, AuditWorkspace.AUDIT);
		// no body, {} or "incremental": null all mean the default, a full verification
		boolean incremental = (request != null) && Boolean.TRUE.equals(request.incremental());
		return this.workspace.verify(access, incremental, (request != null) ? request.head() : null);
	}

	/** A subject-access report (purpose SUBJECT_ACCESS); recorded as an export. */
	@PostMapping("/subject-access")
	SubjectAccessReport subjectAccess(Access access, @RequestBody SubjectAccessRequest who,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		require(purpose, AuditWorkspace.SUBJECT_ACCESS);
		return this.workspace.subjectAccess(access, who);
	}

	@ExceptionHandler(AuditWorkspace.ReviewItemNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "review-item-not-found", "Review item not found",
				"No review item has this id");
	}

	private static void require(Purpose purpose, String expected) {
		if (!purpose.code().equals(expected)) {
			throw InvalidInput.of(PurposeBinding.HEADER,
					"This endpoint serves purpose " + expected + " only, not " + purpose.code());
		}
	}

	record FindingRequest(String finding, String comment) {
	}

	record VerifyRequest(Boolean incremental, String head) {
	}

}
