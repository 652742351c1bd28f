package nl.schakel.meeting;

import nl.schakel.security.Access;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.security.Channel;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.plan.NewAction;
import nl.schakel.plan.PlanOfAction;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.web.InvalidInput;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The coordinator's meeting pages: schedule a meeting with cases, and on its page the
 * agenda with each case's invited organisations, attendance, open and overdue actions,
 * its minutes and forms to write minutes and add actions. The page is the case meeting,
 * so its minutes are read under the purpose CASE_CONSULTATION, named in a banner. With
 * htmx the forms of an agenda item answer with that part alone — the attendance lists,
 * the emptied minutes or action form with what was just written (and the case's open
 * actions) or the message at each field with a summary at the top (422) — read from the
 * agenda's metadata, so no answer reads minutes through the gate again.
 */
@Controller
@RequestMapping("/meetings")
class MeetingController {

	/**
	 * The purpose a meeting page reads minutes under: the meeting is the case
	 * consultation.
	 */
	static final String PURPOSE = "CASE_CONSULTATION";

	private final MeetingService meetings;

	private final PlanOfAction plan;

	private final CaseFileService cases;

	private final Policy policy;

	private static final String HX = "HX-Request";

	/** Input the form can correct: htmx is configured to swap this answer in. */
	private static final int UNPROCESSABLE = 422;

	private final OrganisationDirectory organisations;

	MeetingController(MeetingService meetings, PlanOfAction plan, CaseFileService cases, Policy policy,
			OrganisationDirectory organisations) {
		this.organisations = organisations;
		this.meetings = meetings;
		this.plan = plan;
		this.cases = cases;
		this.policy = policy;
	}

	@GetMapping
	String list(Access access, Model model) {
		model.addAttribute("meetings", this.meetings.ofMySafetyHouse(access));
		model.addAttribute("openCases",
				this.cases.page(access, null, 100).cases().stream().filter((c) -> c.open()).toList());
		return "meetings/list";
	}

	@PostMapping
	String schedule(Access access,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			@RequestParam(required = false) String place, @RequestParam(required = false) String videoLink,
			@RequestParam(required = false) String chair, @RequestParam(required = false) List<UUID> caseIds,
			RedirectAttributes redirect) {
		try {
			UUID id = this.meetings.schedule(access,
					new NewMeeting((startsAt != null)
							? startsAt.atZone(ZoneId.of("Europe/Amsterdam")).toOffsetDateTime() : null, place,
							videoLink, chair, (caseIds != null) ? caseIds : new ArrayList<>()));
			redirect.addFlashAttribute("notice", "meeting.scheduled");
			return "redirect:/meetings/" + id;
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "meeting.invalid");
			redirect.addFlashAttribute("meetingProblems", ex.problems());
			return "redirect:/meetings";
		}
	}

	@GetMapping("/{id}")
	String show(Access access, @PathVariable UUID id, Model model) {
		Purpose purpose = this.policy.purpose(PURPOSE).orElseThrow();
		MeetingView meeting = this.meetings.view(access.forPurpose(purpose.code()), id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("categories", DataCategory.values());
		model.addAttribute("purpose", purpose);
		model.addAttribute("organisationNames", organisationNames());
		return "meetings/show";
	}

	@PostMapping("/{id}/attendance")
	String attendance(Access access, @PathVariable UUID id, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) Boolean present, RedirectAttributes redirect) {
		try {
			this.meetings.recordAttendance(access, id, organisation, present);
			redirect.addFlashAttribute("notice", "meeting.attendance.recorded");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "meeting.attendance.invalid");
		}
		return "redirect:/meetings/" + id;
	}

	@PostMapping(path = "/{id}/attendance", headers = HX + "=true")
	String attendanceInPlace(Access access, @PathVariable UUID id, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) Boolean present, @RequestParam(required = false) UUID agendaCase,
			Model model, HttpServletResponse response) {
		try {
			this.meetings.recordAttendance(access, id, organisation, present);
			model.addAttribute("attendanceNotice", "meeting.attendance.recorded");
		}
		catch (InvalidInput ex) {
			response.setStatus(UNPROCESSABLE);
			model.addAttribute("attendanceProblem", "meeting.attendance.invalid");
		}
		answerModel(model, agenda(access, id));
		model.addAttribute("attendanceAnswer", true);
		model.addAttribute("agendaCase", agendaCase);
		return "meetings/agenda-item :: attendanceAnswer";
	}

	@PostMapping("/{id}/cases/{caseId}/minutes")
	String minutes(Access access, @PathVariable UUID id, @PathVariable UUID caseId,
			@RequestParam(required = false) String text, @RequestParam(required = false) DataCategory category,
			@RequestParam(required = false) List<String> audienceOrganisations, RedirectAttributes redirect) {
		try {
			this.meetings.writeMinutes(access, id, new CaseId(caseId),
					new NewMinutes(text, category, null, null, audienceOrganisations, List.of()));
			redirect.addFlashAttribute("notice", "minutes.written");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "minutes.invalid");
			redirect.addFlashAttribute("minutesProblems", ex.problems());
		}
		return "redirect:/meetings/" + id;
	}

	@PostMapping(path = "/{id}/cases/{caseId}/minutes", headers = HX + "=true")
	String minutesInPlace(Access access, @PathVariable UUID id, @PathVariable UUID caseId,
			@RequestParam(required = false) String text, @RequestParam(required = false) DataCategory category,
			@RequestParam(required = false) List<String> audienceOrganisations, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		NewMinutes typed = new NewMinutes(text, category, null, null, audienceOrganisations, List.of());
		try {
			this.meetings.writeMinutes(access, id, new CaseId(caseId), typed);
			model.addAttribute("minutesNotice", "minutes.written");
			model.addAttribute("writtenMinutes", typed);
		}
		catch (InvalidInput ex) {
			response.setStatus(UNPROCESSABLE);
			model.addAttribute("itemMinutesProblems", ex.problems());
			model.addAttribute("minutesForm", typed);
		}
		catch (CaseClosed ex) {
			return toMeetingPage(id, request, response);
		}
		answerModel(model, agenda(access, id));
		model.addAttribute("item", itemOf(model, caseId));
		return "meetings/agenda-item :: minutesForm";
	}

	@PostMapping("/{id}/cases/{caseId}/actions")
	String action(Access access, @PathVariable UUID id, @PathVariable UUID caseId,
			@RequestParam(required = false) String description, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate due,
			RedirectAttributes redirect) {
		// the meeting must be this coordinator's and have the case on its agenda
		if (!this.meetings.view(access.forPurpose(null), id).caseIds().contains(caseId)) {
			throw new CaseNotOnAgenda();
		}
		try {
			this.plan.assign(access, new CaseId(caseId), new NewAction(description, organisation, due, id));
			redirect.addFlashAttribute("notice", "plan.assigned");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "plan.invalid");
			redirect.addFlashAttribute("minutesProblems", ex.problems());
		}
		return "redirect:/meetings/" + id;
	}

	@PostMapping(path = "/{id}/cases/{caseId}/actions", headers = HX + "=true")
	String actionInPlace(Access access, @PathVariable UUID id, @PathVariable UUID caseId,
			@RequestParam(required = false) String description, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate due,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		// the meeting must be this coordinator's and have the case on its agenda
		if (!agenda(access, id).caseIds().contains(caseId)) {
			throw new CaseNotOnAgenda();
		}
		NewAction typed = new NewAction(description, organisation, due, id);
		try {
			this.plan.assign(access, new CaseId(caseId), typed);
			model.addAttribute("meetingActionNotice", "plan.assigned");
		}
		catch (InvalidInput ex) {
			response.setStatus(UNPROCESSABLE);
			model.addAttribute("itemActionProblems", ex.problems());
		}
		catch (CaseClosed ex) {
			return toMeetingPage(id, request, response);
		}
		model.addAttribute("meetingActionForm", typed);
		// the agenda again after the write, for the case's open actions (metadata)
		answerModel(model, agenda(access, id));
		model.addAttribute("item", itemOf(model, caseId));
		return "meetings/agenda-item :: actionAnswer";
	}

	@ExceptionHandler({ MeetingNotFound.class, CaseNotOnAgenda.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	@ExceptionHandler(CaseClosed.class)
	String closed(RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "case.closed.noWrites");
		return "redirect:/meetings";
	}

	/**
	 * The meeting's agenda as metadata: without a purpose no minutes pass the gate, so
	 * reading it writes no disclosure.
	 */
	private MeetingView agenda(Access access, UUID id) {
		return this.meetings.view(access.forPurpose(null), id);
	}

	private void answerModel(Model model, MeetingView meeting) {
		model.addAttribute("meeting", meeting);
		// only the coordinator chairing the meeting gets this far: the write checked it
		model.addAttribute("chairs", true);
		model.addAttribute("categories", DataCategory.values());
		model.addAttribute("organisationNames", organisationNames());
	}

	private static MeetingView.AgendaItem itemOf(Model model, UUID caseId) {
		MeetingView meeting = (MeetingView) model.getAttribute("meeting");
		return meeting.agenda()
			.stream()
			.filter((item) -> item.id().equals(caseId))
			.findFirst()
			.orElseThrow(CaseNotOnAgenda::new);
	}

	private Map<String, String> organisationNames() {
		Map<String, String> names = new LinkedHashMap<>();
		this.organisations.all().forEach((o) -> names.put(o.code(), o.name()));
		return names;
	}

	/**
	 * A case closed meanwhile: from htmx the browser goes to the meeting page, which says
	 * so, instead of showing a page inside the form.
	 */
	private static String toMeetingPage(UUID id, HttpServletRequest request, HttpServletResponse response) {
		String location = "/meetings/" + id;
		RequestContextUtils.getOutputFlashMap(request).put("problem", "case.closed.noWrites");
		RequestContextUtils.saveOutputFlashMap(location, request, response);
		response.setHeader("HX-Redirect", request.getContextPath() + location);
		response.setStatus(HttpStatus.NO_CONTENT.value());
		return "fragments/layout :: nothing";
	}

}
