package nl.schakel.casework;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.schakel.casefile.CaseClosed;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.consent.ConsentEvidence;
import nl.schakel.consent.ConsentNotFound;
import nl.schakel.consent.ConsentScope;
import nl.schakel.consent.ConsentView;
import nl.schakel.consent.EvidenceKind;
import nl.schakel.contribution.NotAParticipant;
import nl.schakel.ids.ConsentId;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.participation.Admission;
import nl.schakel.participation.ParticipantNotFound;
import nl.schakel.participation.SteeringHouseStays;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyOffers;
import nl.schakel.security.Access;
import nl.schakel.web.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The case page's sections on their own: participants and consents, each at its own
 * address (a page for one task; for htmx only the section), and the actions inside them
 * posted with htmx, answered with only that section — the participant or consent changed,
 * a message next to each field in error and a summary at the top, or the question that
 * confirms a removal or withdrawal with its consequences. Without JavaScript the same
 * forms post to {@link CaseController} and redirect; which of the two answers is decided
 * by the {@code HX-Request} header htmx sends.
 */
@Controller
@RequestMapping("/cases")
class CaseSectionController {

	static final String HX = "HX-Request";

	/** Input the form can correct: htmx is configured to swap this answer in. */
	private static final int UNPROCESSABLE = 422;

	private final CaseSections sections;

	private final CaseParticipants participants;

	private final CaseConsents consents;

	private final CaseIntake intake;

	private final CasePurposes purposes;

	private final Policy policy;

	private final PolicyOffers offers;

	CaseSectionController(CaseSections sections, CaseParticipants participants, CaseConsents consents,
			CaseIntake intake, CasePurposes purposes, Policy policy, PolicyOffers offers) {
		this.offers = offers;
		this.sections = sections;
		this.participants = participants;
		this.consents = consents;
		this.intake = intake;
		this.purposes = purposes;
		this.policy = policy;
	}

	@GetMapping("/{id}/sections/participants")
	String participantsSection(Access access, @PathVariable UUID id,
			@RequestHeader(name = HX, required = false) String htmx, HttpSession session, Model model) {
		if (this.purposes.of(session, id).isEmpty()) {
			return "redirect:/cases/" + id;
		}
		participantsModel(model, this.sections.participants(access.forPurpose(purposeOf(session, id)), new CaseId(id)));
		return view("participants", htmx, model);
	}

	@PostMapping(path = "/{id}/participants", headers = HX + "=true")
	String admit(Access access, @PathVariable UUID id, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) List<String> purposes, @RequestParam(required = false) LocalDate validUntil,
			@RequestParam(required = false) String professionals, Model model, HttpServletResponse response) {
		try {
			this.participants.admit(access, new CaseId(id),
					new Admission(organisation, CaseController.names(professionals), purposes, validUntil));
			model.addAttribute("sectionNotice", "participant.admitted");
		}
		catch (InvalidInput ex) {
			response.setStatus(UNPROCESSABLE);
			model.addAttribute("admissionProblems", ex.problems());
			model.addAttribute("admitForm", new AdmitForm(organisation, purposes, professionals, validUntil));
		}
		participantsModel(model, this.sections.participantsAfterChange(access, new CaseId(id)));
		return "cases/sections/participants :: participants";
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
		participantsModel(model, section);
		return view("participants", htmx, model);
	}

	@PostMapping(path = "/{id}/participants/{participantId}/removal", headers = HX + "=true")
	String remove(Access access, @PathVariable UUID id, @PathVariable UUID participantId,
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
		participantsModel(model, this.sections.participantsAfterChange(access, new CaseId(id)));
		return "cases/sections/participants :: participants";
	}

	@GetMapping("/{id}/sections/consents")
	String consentsSection(Access access, @PathVariable UUID id,
			@RequestHeader(name = HX, required = false) String htmx, HttpSession session, Model model) {
		if (this.purposes.of(session, id).isEmpty()) {
			return "redirect:/cases/" + id;
		}
		consentsModel(model, this.sections.consents(access.forPurpose(purposeOf(session, id)), new CaseId(id)));
		return view("consents", htmx, model);
	}

	@PostMapping(path = "/{id}/consents", headers = HX + "=true")
	String recordConsent(Access access, @PathVariable UUID id,
			@RequestParam(required = false) List<String> organisations,
			@RequestParam(required = false) List<String> domains,
			@RequestParam(required = false) List<String> categories,
			@RequestParam(required = false) List<String> consentPurposes,
			@RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) LocalDate validUntil,
			@RequestParam(required = false) String evidence, @RequestParam(required = false) EvidenceKind evidenceKind,
			@RequestParam(required = false) LocalDate evidenceObtainedOn,
			@RequestParam(required = false) String evidenceObtainedBy, HttpSession session, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (this.purposes.of(session, id).isEmpty()) {
			return toCasePage(id, null, request, response);
		}
		Access reading = access.forPurpose(purposeOf(session, id));
		try {
			this.consents.record(reading, new CaseId(id),
					new ConsentScope(organisations, domains, categories, consentPurposes, validFrom, validUntil),
					new ConsentEvidence(evidenceKind, evidence, evidenceObtainedOn, evidenceObtainedBy), null);
			model.addAttribute("sectionNotice", "consent.recorded");
		}
		catch (InvalidInput ex) {
			response.setStatus(UNPROCESSABLE);
			model.addAttribute("consentProblems", ex.problems());
			model.addAttribute("consentForm", new ConsentForm(organisations, domains, categories, consentPurposes,
					validFrom, validUntil, evidence, evidenceKind, evidenceObtainedOn, evidenceObtainedBy));
		}
		consentsModel(model, this.sections.consents(reading, new CaseId(id)));
		return "cases/sections/consents :: consents";
	}

	/**
	 * The question before a consent is withdrawn: whose consent, for whom, and that
	 * disclosures on it stop at once. A withdrawal is carried out only from this
	 * question's form.
	 */
	@GetMapping("/{id}/consents/{consentId}/withdrawal")
	String confirmWithdrawal(Access access, @PathVariable UUID id, @PathVariable UUID consentId,
			@RequestHeader(name = HX, required = false) String htmx, HttpSession session, Model model) {
		if (this.purposes.of(session, id).isEmpty()) {
			return "redirect:/cases/" + id;
		}
		CaseSections.ConsentsSection section = this.sections.consents(access.forPurpose(purposeOf(session, id)),
				new CaseId(id));
		ConsentView consent = section.consents()
			.stream()
			.filter((c) -> c.id().equals(consentId) && c.inForce())
			.findFirst()
			.orElseThrow(CaseNotFound::new);
		model.addAttribute("withdrawal", consent);
		consentsModel(model, section);
		return view("consents", htmx, model);
	}

	@PostMapping(path = "/{id}/consents/{consentId}/withdrawal", headers = HX + "=true")
	String withdrawConsent(Access access, @PathVariable UUID id, @PathVariable UUID consentId,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, HttpSession session, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (this.purposes.of(session, id).isEmpty()) {
			return toCasePage(id, null, request, response);
		}
		if (!confirmed) {
			return confirmWithdrawal(access, id, consentId, "true", session, model);
		}
		Access reading = access.forPurpose(purposeOf(session, id));
		try {
			this.consents.withdraw(reading, new CaseId(id), new ConsentId(consentId), on, reason);
			model.addAttribute("sectionNotice", "consent.withdrawn");
		}
		catch (InvalidInput ex) {
			response.setStatus(UNPROCESSABLE);
			model.addAttribute("consentProblems", ex.problems());
			model.addAttribute("withdrawalForm", new WithdrawalForm(on, reason));
		}
		CaseSections.ConsentsSection section = this.sections.consents(reading, new CaseId(id));
		if (model.containsAttribute("consentProblems")) {
			section.consents()
				.stream()
				.filter((c) -> c.id().equals(consentId))
				.findFirst()
				.ifPresent((c) -> model.addAttribute("withdrawal", c));
		}
		consentsModel(model, section);
		return "cases/sections/consents :: consents";
	}

	/**
	 * A write on a closed case from htmx: the whole page must say so, so the browser goes
	 * there (HX-Redirect) with the message, instead of a page inside the section.
	 */
	@ExceptionHandler(CaseClosed.class)
	String closed(HttpServletRequest request, HttpServletResponse response) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Object id = (variables instanceof Map<?, ?> map) ? map.get("id") : null;
		UUID caseId = UUID.fromString(String.valueOf(id));
		return toCasePage(caseId, "case.closed.noWrites", request, response);
	}

	@ExceptionHandler({ CaseNotFound.class, NotAParticipant.class, ParticipantNotFound.class, ConsentNotFound.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private String toCasePage(UUID id, String problem, HttpServletRequest request, HttpServletResponse response) {
		String location = "/cases/" + id;
		if (request.getHeader(HX) == null) {
			if (problem != null) {
				RequestContextUtils.getOutputFlashMap(request).put("problem", problem);
				RequestContextUtils.saveOutputFlashMap(location, request, response);
			}
			return "redirect:" + location;
		}
		if (problem != null) {
			RequestContextUtils.getOutputFlashMap(request).put("problem", problem);
			RequestContextUtils.saveOutputFlashMap(location, request, response);
		}
		response.setHeader("HX-Redirect", request.getContextPath() + location);
		response.setStatus(HttpStatus.NO_CONTENT.value());
		return "fragments/layout :: nothing";
	}

	private String purposeOf(HttpSession session, UUID id) {
		return this.purposes.of(session, id).orElseThrow().code();
	}

	/** Only the section for htmx; a page with that one section for a browser. */
	private static String view(String section, String htmx, Model model) {
		if ("true".equals(htmx)) {
			return "cases/sections/" + section + " :: " + section;
		}
		model.addAttribute("section", section);
		return "cases/section";
	}

	private void participantsModel(Model model, CaseSections.ParticipantsSection section) {
		model.addAttribute("facts", section.facts());
		model.addAttribute("steering", section.steering());
		model.addAttribute("steeringHouse", section.steeringHouse());
		model.addAttribute("participants", section.participants());
		organisationsModel(model);
		model.addAttribute("purposes", this.policy.purposes());
	}

	private void consentsModel(Model model, CaseSections.ConsentsSection section) {
		model.addAttribute("facts", section.facts());
		model.addAttribute("steering", section.steering());
		model.addAttribute("consents", section.consents());
		organisationsModel(model);
		model.addAttribute("purposes", this.policy.purposes());
		model.addAttribute("consentPurposes", this.offers.consentPurposes());
		model.addAttribute("domains", Domain.values());
		model.addAttribute("categories", DataCategory.values());
		model.addAttribute("evidenceKinds", EvidenceKind.values());
	}

	private void organisationsModel(Model model) {
		List<Organisation> organisations = this.intake.organisations();
		Map<String, String> names = new LinkedHashMap<>();
		organisations.forEach((o) -> names.put(o.code(), o.name()));
		model.addAttribute("organisations", organisations);
		model.addAttribute("organisationNames", names);
	}

	/**
	 * What the coordinator typed into the admission form, shown again with its errors.
	 */
	record AdmitForm(String organisation, List<String> purposes, String professionals, LocalDate validUntil) {
	}

	/** What was typed into the consent form, shown again with its errors. */
	record ConsentForm(List<String> organisations, List<String> domains, List<String> categories, List<String> purposes,
			LocalDate validFrom, LocalDate validUntil, String evidence, EvidenceKind evidenceKind,
			LocalDate evidenceObtainedOn, String evidenceObtainedBy) {
	}

	/** What was typed into a withdrawal, shown again with its errors. */
	record WithdrawalForm(LocalDate on, String reason) {
	}

}
