package nl.schakel.audit;

import nl.schakel.security.Access;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.security.Channel;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;
import nl.schakel.policy.Policy;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The auditor's pages: search and export of the disclosure log, the review queue, change
 * histories, the integrity of the sealed log, subject-access reports. Each page works
 * under a fixed purpose: AUDIT, or SUBJECT_ACCESS for the report.
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

	private final AuditWorkspace workspace;

	private final Policy policy;

	private final AuditJobProgress jobs;

	private final ReviewedReads reads;

	AuditController(AuditWorkspace workspace, Policy policy, AuditJobProgress jobs, ReviewedReads reads) {
		this.workspace = workspace;
		this.reads = reads;
		this.policy = policy;
		this.jobs = jobs;
	}

	/**
	 * Sealing or the review scan standing still: the auditor must know the queue is not
	 * filling.
	 */
	private void stalledJobs(Model model) {
		model.addAttribute("stalledJobs", this.jobs.check().stream().filter(AuditJobProgress.State::stalled).toList());
	}

	/** Times on the pages are local time in the Netherlands. */
	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return DisclosureSearch.ZONE;
	}

	@GetMapping
	String search(Access access, @ModelAttribute("filter") DisclosureFilter filter, Model model) {
		stalledJobs(model);
		model.addAttribute("purposes", this.policy.purposes());
		model.addAttribute("categories", DataCategory.values());
		model.addAttribute("decisions", Decision.values());
		try {
			model.addAttribute("page", this.workspace.search(access, filter));
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", errors(ex));
		}
		return "audit/search";
	}

	/**
	 * A person by BSN or name and date of birth, posted so the BSN never appears in a
	 * URL.
	 */
	@PostMapping("/person")
	String findPerson(Access access, @RequestParam(required = false) String bsn,
			@RequestParam(required = false) String name, @RequestParam(required = false) String dateOfBirth,
			Model model, RedirectAttributes redirect) {
		SubjectAccessRequest who = new SubjectAccessRequest(bsn, name, dateOfBirth);
		try {
			Optional<UUID> person = this.workspace.lookupPerson(access, who);
			if (person.isPresent()) {
				redirect.addAttribute("person", person.get());
				return "redirect:/audit";
			}
			model.addAttribute("lookupErrors", errors(AuditWorkspace.nobodyFound(who)));
		}
		catch (InvalidInput ex) {
			model.addAttribute("lookupErrors", errors(ex));
		}
		model.addAttribute("filter", DisclosureFilter.none());
		model.addAttribute("purposes", this.policy.purposes());
		model.addAttribute("categories", DataCategory.values());
		model.addAttribute("decisions", Decision.values());
		// the name is echoed for correction; the BSN never is
		model.addAttribute("lookupName", name);
		model.addAttribute("lookupDateOfBirth", dateOfBirth);
		stalledJobs(model);
		return "audit/search";
	}

	@GetMapping("/export.csv")
	void export(Access access, @ModelAttribute DisclosureFilter filter, HttpServletResponse response)
			throws IOException {
		// log, then stream: until the export's record is committed, any failure is an
		// error page
		AuditWorkspace.RecordedExport export = this.workspace.recordExport(access, filter);
		csvHeaders(response);
		this.workspace.stream(export, response.getWriter());
	}

	// --- review queue ------------------------------------------------------------------

	@GetMapping("/reviews")
	String reviews(Model model) {
		List<ReviewView> open = this.workspace.openReviews(500);
		model.addAttribute("open", open);
		model.addAttribute("overdue", open.stream().filter(ReviewView::overdue).count());
		model.addAttribute("reviewed", this.workspace.reviewedRecently(50));
		return "audit/reviews";
	}

	@GetMapping("/reviews/{id}")
	String review(@PathVariable UUID id, Model model) {
		ReviewView item = this.workspace.reviewItem(id).orElseThrow(AuditWorkspace.ReviewItemNotFound::new);
		model.addAttribute("item", item);
		model.addAttribute("reads", this.reads.of(item.disclosureIds()));
		model.addAttribute("history", this.workspace.reviewHistory(id));
		model.addAttribute("findings", Finding.values());
		return "audit/review";
	}

	@PostMapping("/reviews/{id}")
	String recordFinding(Access access, @PathVariable UUID id, @RequestParam(required = false) String finding,
			@RequestParam(required = false) String comment, Model model, RedirectAttributes redirect) {
		try {
			this.workspace.recordFinding(access, id, finding, comment);
			redirect.addFlashAttribute("notice", "audit.review.recorded");
			return "redirect:/audit/reviews/" + id;
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", errors(ex));
			model.addAttribute("comment", comment);
			model.addAttribute("chosenFinding", finding);
			return review(id, model);
		}
	}

	// --- change history ----------------------------------------------------------------

	@GetMapping("/history/cases/{id}")
	String caseHistory(Access access, @PathVariable UUID id, Model model) {
		model.addAttribute("entries", this.workspace.caseHistory(access, id));
		model.addAttribute("subject", "case");
		model.addAttribute("subjectId", id);
		return "audit/history";
	}

	@GetMapping("/history/contributions/{id}")
	String contributionHistory(Access access, @PathVariable UUID id, Model model) {
		model.addAttribute("entries", this.workspace.contributionHistory(access, id));
		model.addAttribute("subject", "contribution");
		model.addAttribute("subjectId", id);
		return "audit/history";
	}

	// --- integrity ---------------------------------------------------------------------

	@GetMapping("/integrity")
	String integrity(Model model) {
		model.addAttribute("head", this.workspace.head().orElse(null));
		model.addAttribute("verifications", this.workspace.recentVerifications(10));
		model.addAttribute("retention", this.workspace.retention());
		return "audit/integrity";
	}

	@PostMapping("/integrity")
	String verify(Access access, @RequestParam(defaultValue = "false") boolean incremental,
			@RequestParam(required = false) String head, Model model) {
		try {
			model.addAttribute("report", this.workspace.verify(access, incremental, head));
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", errors(ex));
			model.addAttribute("exportedHead", head);
		}
		return integrity(model);
	}

	/** The head of the sealed log as JSON: print it, sign it, keep it elsewhere. */
	@GetMapping(value = "/head", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Object> head() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"schakel-log-head.json\"")
			.body(headJson(this.workspace.head()));
	}

	// --- subject access ----------------------------------------------------------------

	@GetMapping("/subject-access")
	String subjectAccessForm() {
		return "audit/subject-access";
	}

	@PostMapping("/subject-access")
	String subjectAccess(Access access, @RequestParam(required = false) String bsn,
			@RequestParam(required = false) String name, @RequestParam(required = false) String dateOfBirth,
			Model model) {
		try {
			model.addAttribute("report",
					this.workspace.subjectAccess(access, new SubjectAccessRequest(bsn, name, dateOfBirth)));
			return "audit/subject-access-report";
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", errors(ex));
			model.addAttribute("name", name);
			model.addAttribute("dateOfBirth", dateOfBirth);
			return "audit/subject-access";
		}
	}

	@PostMapping(value = "/subject-access.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<SubjectAccessReport> subjectAccessJson(Access access, @RequestParam(required = false) String bsn,
			@RequestParam(required = false) String name, @RequestParam(required = false) String dateOfBirth) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inzageverzoek.json\"")
			.body(this.workspace.subjectAccess(access, new SubjectAccessRequest(bsn, name, dateOfBirth)));
	}

	@ExceptionHandler(AuditWorkspace.ReviewItemNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	@ExceptionHandler(InvalidInput.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	@ResponseBody
	String invalid(InvalidInput ex) {
		// only reached by the CSV and JSON downloads; the pages show problems at their
		// fields
		StringBuilder text = new StringBuilder("Invalid input:");
		ex.problems()
			.forEach((problem) -> text.append(' ')
				.append(problem.field())
				.append(": ")
				.append(problem.message())
				.append(';'));
		return text.toString();
	}

	/**
	 * Field to message key: the pages speak Dutch first, so they show the messages
	 * bundle's text for the field (and for "not found" or "already reviewed"), not the
	 * API's English.
	 */
	static Map<String, String> errors(InvalidInput ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem problem : ex.problems()) {
			String message = problem.message();
			String suffix = message.startsWith("No ") ? ".notFound" : message.contains("already") ? ".already"
					: message.startsWith("More than one") ? ".ambiguous" : "";
			errors.putIfAbsent(problem.field(), "audit.invalid." + problem.field() + suffix);
		}
		return errors;
	}

	static void csvHeaders(HttpServletResponse response) {
		response.setContentType("text/csv");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"verstrekkingen.csv\"");
	}

	static Object headJson(Optional<SealedHead> head) {
		if (head.isEmpty()) {
			return Map.of("number", 0, "hash", BlockHash.GENESIS, "note", "nothing sealed yet");
		}
		SealedHead h = head.get();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("log", "schakel-disclosure-log");
		json.put("number", h.number());
		json.put("hash", h.hash());
		json.put("toSeq", h.toSeq());
		json.put("sealedAt", h.sealedAt().toString());
		json.put("check", h.number() + ":" + h.hash());
		return json;
	}

}
