package nl.schakel.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.ids.CaseId;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * English messages are replaced by the reader's language at the field. A failed extension
 * answers 422 with the page again: the messages at the fields and in a summary at the top
 * of that case's form (focus moved there), what was typed kept.
 */
@Controller
class RetentionPages {

	/** The problems of the extension that failed, each at the id of its field. */
	static final String PROBLEMS = "extensionProblems";

	static final String INPUT = "extensionInput";

	static final String FOR_CASE = "extensionCase";

	private final RetentionSchedule schedule;

	private final RetentionProperties properties;

	private final Clock clock;

	private final MessageSource messages;

	RetentionPages(RetentionSchedule schedule, RetentionProperties properties, Clock clock, MessageSource messages) {
		this.schedule = schedule;
		this.messages = messages;
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
		if (!model.containsAttribute(PROBLEMS)) {
			model.addAttribute(PROBLEMS, List.of());
			model.addAttribute(INPUT, Map.of());
			model.addAttribute(FOR_CASE, "");
		}
		return "retention/upcoming";
	}

	@PostMapping("/retention/{caseId}/extension")
	String extend(Access access, @PathVariable UUID caseId, @RequestParam(required = false) String until,
			@RequestParam(required = false) String reason, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		try {
			DueErasure kept = this.schedule.extend(access.actor(), new CaseId(caseId), day(until), reason,
					OffsetDateTime.now(this.clock));
			redirect.addFlashAttribute("extended", kept);
			return "redirect:/retention";
		}
		catch (InvalidInput ex) {
			// the page again, nothing recorded: the messages at the fields of this case's
			// form, what was typed kept
			Locale locale = LocaleContextHolder.getLocale();
			List<FieldProblem> problems = new ArrayList<>();
			for (String field : ex.problems().stream().map(FieldProblem::field).distinct().toList()) {
				String key = "retention.error." + field;
				problems.add(new FieldProblem(field + "-" + caseId, this.messages.getMessage(key, null, key, locale)));
			}
			Map<String, String> input = new LinkedHashMap<>();
			input.put("until", (until != null) ? until : "");
			input.put("reason", (reason != null) ? reason : "");
			model.addAttribute(PROBLEMS, problems);
			model.addAttribute(INPUT, input);
			model.addAttribute(FOR_CASE, caseId.toString());
			response.setStatus(UNPROCESSABLE);
			return upcoming(access, model);
		}
		catch (CaseNotErasable ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static final int UNPROCESSABLE = 422;

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
