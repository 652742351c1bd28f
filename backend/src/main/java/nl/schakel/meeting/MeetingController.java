package nl.schakel.meeting;

import nl.schakel.security.Access;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.security.Channel;
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

/**
 * The coordinator's meeting pages: schedule a meeting with cases, and on its page the
 * agenda with each case's invited organisations, attendance, open and overdue actions,
 * its minutes and forms to write minutes and add actions. The page is the case meeting,
 * so its minutes are read under the purpose CASE_CONSULTATION, named in a banner.
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

	MeetingController(MeetingService meetings, PlanOfAction plan, CaseFileService cases, Policy policy) {
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

}
