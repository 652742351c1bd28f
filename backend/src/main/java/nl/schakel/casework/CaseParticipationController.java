package nl.schakel.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.schakel.ids.CaseId;
import nl.schakel.participation.Admission;
import nl.schakel.participation.SteeringHouseStays;
import nl.schakel.security.Access;
import nl.schakel.web.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static nl.schakel.casework.SectionAnswers.HX;

/**
 * Who takes part in a case: the participants section at its own address, admitting a
 * partner and removing one after a question that spells out what it ends. With htmx
 * ({@code HX-Request}) the answer is that section alone — the change, or the message at
 * each field in error with a summary at the top (422); without JavaScript the same forms
 * post and redirect to the case page.
 */
@Controller
@RequestMapping("/cases")
class CaseParticipationController {

	private final CaseSections sections;

	private final CaseSectionModels models;

	private final CaseParticipants participants;

	private final CasePurposes purposes;

	CaseParticipationController(CaseSections sections, CaseSectionModels models, CaseParticipants participants,
			CasePurposes purposes) {
		this.sections = sections;
		this.models = models;
		this.participants = participants;
		this.purposes = purposes;
	}

	@GetMapping("/{id}/sections/participants")
	String participantsSection(Access access, @PathVariable UUID id,
			@RequestHeader(name = HX, required = false) String htmx, HttpSession session, Model model) {
		if (this.purposes.of(session, id).isEmpty()) {
			return "redirect:/cases/" + id;
		}
		String purpose = this.purposes.of(session, id).orElseThrow().code();
		this.models.participants(model, this.sections.participants(access.forPurpose(purpose), new CaseId(id)));
		return SectionAnswers.view("participants", htmx, model);
	}

	@PostMapping("/{id}/participants")
	String admit(Access access, @PathVariable UUID id, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) List<String> purposes, @RequestParam(required = false) LocalDate validUntil,
			@RequestParam(required = false) String professionals, RedirectAttributes redirect) {
		try {
			this.participants.admit(access, new CaseId(id),
					new Admission(organisation, names(professionals), purposes, validUntil));
			redirect.addFlashAttribute("notice", "participant.admitted");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "participant.invalid");
			redirect.addFlashAttribute("admissionProblems", ex.problems());
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping(path = "/{id}/participants", headers = HX + "=true")
	String admitInSection(Access access, @PathVariable UUID id, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) List<String> purposes, @RequestParam(required = false) LocalDate validUntil,
			@RequestParam(required = false) String professionals, Model model, HttpServletResponse response) {
		try {
			this.participants.admit(access, new CaseId(id),
					new Admission(organisation, names(professionals), purposes, validUntil));
			model.addAttribute("sectionNotice", "participant.admitted");
		}
		catch (InvalidInput ex) {
			response.setStatus(SectionAnswers.UNPROCESSABLE);
			model.addAttribute("admissionProblems", ex.problems());
			model.addAttribute("admitForm", new AdmitForm(organisation, purposes, professionals, validUntil));
		}
		this.models.participants(model, this.sections.participantsAfterChange(access, new CaseId(id)));
		return "cases/sections/participants :: participants";
	}

	/** The usernames typed into the admission form, split at commas and spaces. */
	static List<String> names(String professionals) {
		List<String> names = new ArrayList<>();
		if (professionals != null) {
			for (String name : professionals.split("[,\\s]+")) {
				if (!name.isBlank()) {
					names.add(name.strip());
				}
			}
		}
		return names;
	}

	/**
	 * The question before a participant is removed: which organisation, and what that
	 * means. A removal is carried out only from this question's form.
	 */
	@GetMapping("/{id}/participants/{participantId}/removal")
	String confirmRemoval(Access access, @PathVariable UUID id, @PathVariable UUID participantId,
			@RequestHeader(name = HX, required = false) String htmx, Model model) {
		CaseSections.ParticipantsSection section = this.sections.removalQuestion(access, new CaseId(id), participantId);
		model.addAttribute("removal", section.participants().get(0));
		this.models.participants(model, section);
		return SectionAnswers.view("participants", htmx, model);
	}

	@PostMapping("/{id}/participants/{participantId}/removal")
	String remove(Access access, @PathVariable UUID id, @PathVariable UUID participantId,
			@RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
		if (!confirmed) {
			// a removal is carried out from the question that spells out what it ends
			return "redirect:/cases/" + id + "/participants/" + participantId + "/removal";
		}
		try {
			this.participants.remove(access, new CaseId(id), participantId);
			redirect.addFlashAttribute("notice", "participant.removed");
		}
		catch (SteeringHouseStays ex) {
			redirect.addFlashAttribute("problem", "participant.steeringHouseStays");
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping(path = "/{id}/participants/{participantId}/removal", headers = HX + "=true")
	String removeInSection(Access access, @PathVariable UUID id, @PathVariable UUID participantId,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, HttpServletResponse response) {
		if (!confirmed) {
			return confirmRemoval(access, id, participantId, "true", model);
		}
		try {
			this.participants.remove(access, new CaseId(id), participantId);
			model.addAttribute("sectionNotice", "participant.removed");
		}
		catch (SteeringHouseStays ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("sectionProblem", "participant.steeringHouseStays");
		}
		this.models.participants(model, this.sections.participantsAfterChange(access, new CaseId(id)));
		return "cases/sections/participants :: participants";
	}

	/**
	 * What the coordinator typed into the admission form, shown again with its errors.
	 */
	record AdmitForm(String organisation, List<String> purposes, String professionals, LocalDate validUntil) {
	}

}
