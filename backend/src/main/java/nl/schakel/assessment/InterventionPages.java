package nl.schakel.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.security.Channel;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.security.Role;
import nl.schakel.web.FieldProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The intervention catalogue as pages (knowledge exchange): per intervention what it is,
 * for whom, its working elements and conditions, the evaluation summary (suppressed
 * aggregates, for coordinators, whose every look is logged as statistical use) and
 * practitioners' notes from every domain: what worked, for whom, under what
 * circumstances. And the coordinator's follow-up overview of due and overdue moments.
 */
@Controller
class InterventionPages {

	static final int WHAT_WORKED_LIMIT = 2000;

	static final int CONTEXT_LIMIT = 1000;

	/** The problems of the note form that failed, each at the id of its field. */
	static final String PROBLEMS = "noteProblems";

	/** What was typed into the note form that failed, by field name. */
	static final String INPUT = "noteInput";

	private static final int UNPROCESSABLE = 422;

	private static final List<String> FIELDS = List.of("whatWorked", "forWhom", "circumstances");

	private final CatalogueInForce catalogue;

	private final AssessmentInstrument instrument;

	private final PractitionerNotes notes;

	private final Evaluation evaluation;

	private final FollowUpOverview followUps;

	private final CaseAccess access;

	private final Clock clock;

	private final MessageSource messages;

	InterventionPages(CatalogueInForce catalogue, AssessmentInstrument instrument, PractitionerNotes notes,
			Evaluation evaluation, FollowUpOverview followUps, CaseAccess access, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.catalogue = catalogue;
		this.instrument = instrument;
		this.notes = notes;
		this.evaluation = evaluation;
		this.followUps = followUps;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/interventions")
	String catalogue(Model model) {
		model.addAttribute("catalogue", this.catalogue.current());
		model.addAttribute("instrument", this.instrument);
		return "assessment/catalogue";
	}

	@GetMapping("/interventions/{code}")
	String intervention(Access access, @PathVariable String code, Model model) {
		InterventionCatalogue.Intervention entry = this.catalogue.current()
			.intervention(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Actor actor = access.actor();
		model.addAttribute("entry", entry);
		model.addAttribute("instrument", this.instrument);
		model.addAttribute("notes", this.notes.of(code));
		model.addAttribute("names", this.access.names());
		model.addAttribute("writesNotes", writesNotes(actor));
		model.addAttribute("me", actor.username());
		model.addAttribute("myOrganisation", actor.organisation());
		if (actor.has(Role.COORDINATOR)) {
			Evaluation.Aggregates aggregates = this.evaluation.interventions(access);
			model.addAttribute("aggregates", aggregates);
			model.addAttribute("row",
					aggregates.interventions()
						.stream()
						.filter((r) -> r.intervention().equals(code))
						.findFirst()
						.orElse(null));
		}
		if (!model.containsAttribute(PROBLEMS)) {
			model.addAttribute(PROBLEMS, List.of());
			model.addAttribute(INPUT, Map.of());
		}
		if (!model.containsAttribute("correctionFor")) {
			model.addAttribute("correctionFor", "");
		}
		return "assessment/intervention";
	}

	@PostMapping("/interventions/{code}/notes")
	String note(Access access, @PathVariable String code, @RequestParam(required = false) String whatWorked,
			@RequestParam(required = false) String forWhom, @RequestParam(required = false) String circumstances,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		if (this.catalogue.current().intervention(code).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Actor actor = access.actor();
		if (!writesNotes(actor)) {
			throw new AccessDeniedException("Notes on interventions are written by professionals and coordinators");
		}
		List<FieldProblem> problems = problems("note-", whatWorked, forWhom, circumstances);
		if (!problems.isEmpty()) {
			return again(access, code, problems, whatWorked, forWhom, circumstances, model, response);
		}
		this.notes.post(new InterventionNote(code, actor.organisation(), actor.username(), whatWorked.strip(),
				AssessmentService.strip(forWhom), AssessmentService.strip(circumstances), Instant.now(this.clock)));
		redirect.addFlashAttribute("notice", "intervention.note.saved");
		return "redirect:/interventions/" + code;
	}

	/**
	 * The author corrects their note: the old text stays only in the history auditors
	 * read.
	 */
	@PostMapping("/interventions/{code}/notes/{noteId}/correction")
	String correctNote(Access access, @PathVariable String code, @PathVariable UUID noteId,
			@RequestParam(required = false) String whatWorked, @RequestParam(required = false) String forWhom,
			@RequestParam(required = false) String circumstances, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		if (this.catalogue.current().intervention(code).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		List<FieldProblem> problems = problems("correct-" + noteId + "-", whatWorked, forWhom, circumstances);
		if (!problems.isEmpty()) {
			// the correction's panel open again, with what was typed in it
			model.addAttribute("correctionFor", noteId.toString());
			return again(access, code, problems, whatWorked, forWhom, circumstances, model, response);
		}
		try {
			this.notes.correct(access.actor(), code, noteId, whatWorked.strip(), AssessmentService.strip(forWhom),
					AssessmentService.strip(circumstances), Instant.now(this.clock));
		}
		catch (PractitionerNotes.NoteNotFound ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", "intervention.note.corrected");
		return "redirect:/interventions/" + code;
	}

	/**
	 * What is wrong with a note as typed, each at its field: the field's id is the form's
	 * prefix and the field's name.
	 */
	private List<FieldProblem> problems(String idPrefix, String whatWorked, String forWhom, String circumstances) {
		List<String> wrong = new ArrayList<>();
		if (AssessmentService.blank(whatWorked) || whatWorked.length() > WHAT_WORKED_LIMIT) {
			wrong.add("whatWorked");
		}
		if (forWhom != null && forWhom.length() > CONTEXT_LIMIT) {
			wrong.add("forWhom");
		}
		if (circumstances != null && circumstances.length() > CONTEXT_LIMIT) {
			wrong.add("circumstances");
		}
		java.util.Locale locale = LocaleContextHolder.getLocale();
		return wrong.stream()
			.map((f) -> new FieldProblem(idPrefix + f,
					this.messages.getMessage("form.error.note." + f, null, "form.error.note." + f, locale)))
			.toList();
	}

	/**
	 * The page again after a failed save (422), nothing written: the messages at the
	 * fields and in a summary at the top of the form, what was typed kept.
	 */
	private String again(Access access, String code, List<FieldProblem> problems, String whatWorked, String forWhom,
			String circumstances, Model model, HttpServletResponse response) {
		Map<String, String> input = new LinkedHashMap<>();
		input.put(FIELDS.get(0), (whatWorked != null) ? whatWorked : "");
		input.put(FIELDS.get(1), (forWhom != null) ? forWhom : "");
		input.put(FIELDS.get(2), (circumstances != null) ? circumstances : "");
		model.addAttribute(PROBLEMS, problems);
		model.addAttribute(INPUT, input);
		response.setStatus(UNPROCESSABLE);
		return intervention(access, code, model);
	}

	/** The author deletes their note, and with it its earlier texts in the history. */
	@PostMapping("/interventions/{code}/notes/{noteId}/deletion")
	String deleteNote(Access access, @PathVariable String code, @PathVariable UUID noteId,
			RedirectAttributes redirect) {
		try {
			this.notes.delete(access.actor(), code, noteId, Instant.now(this.clock));
		}
		catch (PractitionerNotes.NoteNotFound ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", "intervention.note.deleted");
		return "redirect:/interventions/" + code;
	}

	@GetMapping("/follow-ups")
	String followUps(Access access, Model model) {
		Actor actor = access.actor();
		boolean coordinates = actor.actingRole().filter((r) -> r == Role.COORDINATOR).isPresent();
		// a partner sees its own moments; one on a closed case leads to its follow-up
		// page
		model.addAttribute("partner", !coordinates);
		model.addAttribute("moments", coordinates ? this.followUps.list(actor, "due") : this.followUps.mine(actor));
		model.addAttribute("cancelled", coordinates ? this.followUps.list(actor, "cancelled") : List.of());
		model.addAttribute("names", this.access.names());
		model.addAttribute("catalogue", this.catalogue.current());
		return "assessment/follow-ups";
	}

	private static boolean writesNotes(Actor actor) {
		return actor.actingRole()
			.filter((r) -> r == Role.COORDINATOR || r == Role.CARE_PROFESSIONAL || r == Role.JUSTICE_PROFESSIONAL
					|| r == Role.MUNICIPAL_PROFESSIONAL)
			.isPresent();
	}

}
