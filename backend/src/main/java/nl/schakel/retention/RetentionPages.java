package nl.schakel.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's retention page ("Bewaartermijnen"): the own house's closed cases
 * whose retention runs out within the notice window, and per case a form to keep it
 * longer with a reason. The form goes through the same {@link RetentionSchedule#extend}
 * as the API, so the rules (a future day, a reason, own house only) are the same; its
 * English messages are replaced by Dutch ones at the field.
 */
@Controller
class RetentionPages {

	static final String ERRORS = "extensionErrors";

	static final String INPUT = "extensionInput";

	static final String FOR_CASE = "extensionCase";

	private final RetentionSchedule schedule;

	private final RetentionProperties properties;

	private final Clock clock;

	RetentionPages(RetentionSchedule schedule, RetentionProperties properties, Clock clock) {
		this.schedule = schedule;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/retention")
	String upcoming(Access access, Model model) {
		LocalDate today = LocalDate.now(this.clock);
		List<DueErasure> due = this.schedule.upcoming(access.actor(), today, this.properties.noticeDays());
		model.addAttribute("today", today);
		model.addAttribute("noticeDays", this.properties.noticeDays());
		model.addAttribute("due", due);
		model.addAttribute("categoriesDue",
				this.schedule.upcomingCategories(access.actor(), today, this.properties.noticeDays()));
		model.addAttribute("extensions",
				this.schedule.extensions(access.actor(), due.stream().map(DueErasure::caseId).toList()));
		if (!model.containsAttribute(ERRORS)) {
			model.addAttribute(ERRORS, Map.of());
			model.addAttribute(INPUT, Map.of());
			model.addAttribute(FOR_CASE, "");
		}
		return "retention/upcoming";
	}

	@PostMapping("/retention/{caseId}/extension")
	String extend(Access access, @PathVariable UUID caseId, @RequestParam(required = false) String until,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			DueErasure kept = this.schedule.extend(access.actor(), new CaseId(caseId), day(until), reason,
					OffsetDateTime.now(this.clock));
			redirect.addFlashAttribute("extended", kept);
			return "redirect:/retention";
		}
		catch (InvalidInput ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem problem : ex.problems()) {
				errors.put(problem.field(), "retention.error." + problem.field());
			}
			Map<String, String> input = new LinkedHashMap<>();
			input.put("until", (until != null) ? until : "");
			input.put("reason", (reason != null) ? reason : "");
			redirect.addFlashAttribute("problem", "form.invalid");
			redirect.addFlashAttribute(ERRORS, errors);
			redirect.addFlashAttribute(INPUT, input);
			redirect.addFlashAttribute(FOR_CASE, caseId.toString());
			return "redirect:/retention#case-" + caseId;
		}
		catch (CaseNotErasable ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	// a day the browser did not send as yyyy-MM-dd counts as no day: the service then
	// names the field
	private static LocalDate day(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
