package nl.schakel.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;
import nl.schakel.casefile.CloseReason;
import nl.schakel.casefile.RegisterCaseRequest;
import nl.schakel.casefile.StatusTransitionNotAllowed;
import nl.schakel.casefile.TriageOutcome;
import nl.schakel.consent.ConsentEvidence;
import nl.schakel.consent.ConsentNotFound;
import nl.schakel.consent.ConsentScope;
import nl.schakel.consent.EvidenceKind;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.contribution.NotAParticipant;
import nl.schakel.ids.ConsentId;
import nl.schakel.ids.ContributionId;
import nl.schakel.security.Channel;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.participation.Admission;
import nl.schakel.participation.BreakGlassLimitReached;
import nl.schakel.participation.SteeringHouseStays;
import nl.schakel.participation.ParticipantNotFound;
import nl.schakel.person.BsnKnownUnderOtherDetails;
import nl.schakel.plan.PlanOfAction;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyOffers;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContext;

/**
 * The case pages: the coordinator's list and referral form, the purpose choice, and the
 * case page with its timeline, participants and contribution form.
 */
@Controller
@RequestMapping("/cases")
class CaseController {

	private final CaseParticipants participants;

	private final CaseContributions caseContributions;

	private final CaseDossiers dossiers;

	private final CaseIntake intake;

	private final CaseFileService cases;

	private final CasePurposes purposes;

	private final Policy policy;

	private final CaseConsents consents;

	private final CaseLifecycle lifecycle;

	private final MyCases myCases;

	private final PlanOfAction plan;

	private final PolicyOffers offers;

	CaseController(CaseParticipants participants, CaseContributions caseContributions, CaseDossiers dossiers,
			CaseIntake intake, CaseFileService cases, CasePurposes purposes, Policy policy, CaseConsents consents,
			CaseLifecycle lifecycle, MyCases myCases, PlanOfAction plan, PolicyOffers offers) {
		this.plan = plan;
		this.offers = offers;
		this.myCases = myCases;
		this.participants = participants;
		this.caseContributions = caseContributions;
		this.dossiers = dossiers;
		this.intake = intake;
		this.cases = cases;
		this.purposes = purposes;
		this.policy = policy;
		this.consents = consents;
		this.lifecycle = lifecycle;
	}

	@ModelAttribute("caseTypes")
	CaseType[] caseTypes() {
		return CaseType.values();
	}

	@GetMapping
	String list(Access access, @RequestParam(required = false) Long before, CaseListFilter filter, BindingResult errors,
			Model model) {
		if (errors.hasErrors()) {
			// a part that is no status, type or date is left out of the filter, and the
			// page says so
			model.addAttribute("problem", "cases.filter.invalid");
		}
		model.addAttribute("page", this.cases.page(access, before, 50, filter.toFilter()));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", CaseStatus.values());
		return "cases/list";
	}

	@GetMapping("/new")
	String referralForm(Model model) {
		RegisterCaseRequest referral = new RegisterCaseRequest();
		referral.setReferral(new RegisterCaseRequest.ReferralForm());
		model.addAttribute("referral", referral);
		model.addAttribute("organisations", this.intake.organisations());
		return "cases/new";
	}

	@PostMapping
	String register(Access access, @Valid @ModelAttribute("referral") RegisterCaseRequest referral,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		model.addAttribute("organisations", this.intake.organisations());
		if (referral.getReferral() == null) {
			// the form always asks who referred; only the API may leave it out
			referral.setReferral(new RegisterCaseRequest.ReferralForm());
			errors.rejectValue("referral.referringOrganisation", "required", "Kies de aanmeldende organisatie.");
		}
		if (errors.hasErrors()) {
			return "cases/new";
		}
		CaseFacts facts;
		try {
			facts = this.intake.registerReferral(access, referral);
		}
		catch (InvalidInput ex) {
			for (FieldProblem problem : ex.problems()) {
				errors.rejectValue(problem.field(), "invalid", problem.message());
			}
			return "cases/new";
		}
		catch (BsnKnownUnderOtherDetails ex) {
			// only which details differ; the question to confirm appears with it
			String differs = (ex.differences().size() > 1) ? "both"
					: (ex.differences().get(0) == BsnKnownUnderOtherDetails.Difference.NAME) ? "name" : "dateOfBirth";
			errors.rejectValue("person.bsn", "person.bsn.knownUnderOtherDetails." + differs);
			model.addAttribute("samePersonQuestion", true);
			return "cases/new";
		}
		redirect.addFlashAttribute("notice", "case.registered");
		return "redirect:/cases/" + facts.id().value();
	}

	@GetMapping("/{id}")
	String show(Access access, @PathVariable UUID id, @RequestParam(required = false) String before,
			HttpSession session, Model model) {
		Optional<Purpose> purpose = this.purposes.of(session, id);
		if (purpose.isEmpty()) {
			// one admitted purpose: nothing to ask
			purpose = this.myCases.onlyPurpose(access, new CaseId(id)).flatMap(this.policy::purpose);
			purpose.ifPresent((p) -> this.purposes.choose(session, id, p));
		}
		if (purpose.isEmpty()) {
			return purposeChoice(access, id, model);
		}
		if (!model.containsAttribute("contribution")) {
			model.addAttribute("contribution", new ContributionRequest());
		}
		return page(access, id, purpose.get(), model, olderPage(before));
	}

	@PostMapping("/{id}/purpose")
	String choosePurpose(Access access, @PathVariable UUID id, @RequestParam(required = false) String purpose,
			HttpSession session, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		Optional<Purpose> chosen = Optional.ofNullable(purpose).flatMap(this.policy::purpose);
		if (chosen.isPresent() && !this.offers.offersPurpose(actingRole(access), chosen.get().code())) {
			// not offered to this role: the same page again, saying so, nothing chosen
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", "purpose.notAllowed");
			return purposeChoice(access, id, model);
		}
		List<String> admitted = this.myCases.admittedPurposes(access, new CaseId(id));
		if (chosen.isPresent() && !admitted.isEmpty() && !admitted.contains(chosen.get().code())) {
			redirect.addFlashAttribute("problem", "purpose.notAdmitted");
			return "redirect:/cases/" + id + "?choose";
		}
		if (chosen.isEmpty()) {
			redirect.addFlashAttribute("problem", "purpose.required");
			return "redirect:/cases/" + id + "?choose";
		}
		this.purposes.choose(session, id, chosen.get());
		return "redirect:/cases/" + id;
	}

	@GetMapping(value = "/{id}", params = "choose")
	String changePurpose(Access access, @PathVariable UUID id, Model model) {
		return purposeChoice(access, id, model);
	}

	/**
	 * The purposes to choose from: those the user is admitted for. For a case they are
	 * not admitted to (or that does not exist) every purpose, the same page for any id,
	 * so the choice reveals nothing about the case. Either way only those the policy
	 * shows the acting role anything under.
	 */
	private String purposeChoice(Access access, UUID id, Model model) {
		List<String> admitted = this.myCases.admittedPurposes(access, new CaseId(id));
		model.addAttribute("caseId", id);
		// the case is named only to those admitted to it: for anyone else the page is the
		// same for any id
		model.addAttribute("caseReference", this.myCases.referenceOfAdmitted(access, new CaseId(id)).orElse(null));
		List<nl.schakel.policy.PurposeDefinition> offered = this.offers.purposes(actingRole(access));
		model.addAttribute("purposes", admitted.isEmpty() ? offered
				: offered.stream().filter((p) -> admitted.contains(p.purpose().code())).toList());
		return "cases/purpose";
	}

	@PostMapping("/{id}/status")
	String move(Access access, @PathVariable UUID id, @RequestParam CaseStatus status,
			@RequestParam(required = false) CloseReason reason, @RequestParam(required = false) String text,
			@RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (status == CaseStatus.CLOSED && !confirmed) {
			// closing ends every partner's part in the case: it is done only from the
			// form
			// that spells that out; another house's case stays as good as missing
			this.cases.ofOwnSafetyHouse(access, new CaseId(id));
			redirect.addFlashAttribute("problem", "case.close.invalid");
			redirect.addFlashAttribute("closeProblems", List.of(new FieldProblem("confirmed",
					new RequestContext(request).getMessage("case.close.confirm.required"))));
			return "redirect:/cases/" + id;
		}
		try {
			this.lifecycle.move(access, new CaseId(id), status, reason, text);
			redirect.addFlashAttribute("notice",
					(status == CaseStatus.CLOSED) ? "case.closed.done" : "case.status.changed");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "case.close.invalid");
			redirect.addFlashAttribute("closeProblems", ex.problems());
		}
		catch (StatusTransitionNotAllowed ex) {
			redirect.addFlashAttribute("problem", "case.status.notAllowed");
		}
		catch (nl.schakel.casefile.StatusPreconditionNotMet ex) {
			redirect.addFlashAttribute("problem", ex.refusal().messageKey());
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping("/{id}/reopening")
	String reopen(Access access, @PathVariable UUID id, @RequestParam(required = false) String reason,
			HttpSession session, RedirectAttributes redirect) {
		try {
			CaseFacts reopened = this.lifecycle.reopen(access, new CaseId(id), reason);
			redirect.addFlashAttribute("notice", "case.reopened");
			// the purpose a closed case was read under does not steer an open one: choose
			// again
			this.purposes.of(session, id)
				.filter((p) -> p.code().equals(CaseLifecycle.ACCOUNTABILITY))
				.ifPresent((p) -> this.purposes.forget(session, reopened.id().value()));
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "case.reopen.invalid");
			redirect.addFlashAttribute("reopenProblems", ex.problems());
		}
		catch (StatusTransitionNotAllowed ex) {
			redirect.addFlashAttribute("problem", "case.status.notAllowed");
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping("/{id}/contributions")
	String contribute(Access access, @PathVariable UUID id,
			@Valid @ModelAttribute("contribution") ContributionRequest contribution, BindingResult errors,
			HttpSession session, Model model, RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		if (!errors.hasErrors()) {
			try {
				this.caseContributions.contribute(access, new CaseId(id), contribution);
				redirect.addFlashAttribute("notice", "contribution.added");
				return "redirect:/cases/" + id;
			}
			catch (InvalidInput ex) {
				for (FieldProblem problem : ex.problems()) {
					errors.rejectValue(problem.field(), "invalid", problem.message());
				}
			}
		}
		return page(access, id, purpose, model);
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

	@PostMapping("/{id}/triage")
	String triage(Access access, @PathVariable UUID id, @RequestParam(required = false) TriageOutcome outcome,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			this.lifecycle.decideTriage(access, new CaseId(id), outcome, reason);
			redirect.addFlashAttribute("notice", "triage.decided");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "triage.invalid");
			redirect.addFlashAttribute("triageProblems", ex.problems());
		}
		catch (StatusTransitionNotAllowed ex) {
			redirect.addFlashAttribute("problem", "case.status.notAllowed");
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping("/{id}/break-glass")
	String breakGlass(Access access, @PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String purpose, HttpSession session, RedirectAttributes redirect,
			Model model, HttpServletResponse response) {
		try {
			this.participants.openBreakGlass(access, new CaseId(id), reason);
			Optional.ofNullable(purpose)
				.flatMap(this.policy::purpose)
				.ifPresent((p) -> this.purposes.choose(session, id, p));
			redirect.addFlashAttribute("notice", "breakGlass.opened");
			return "redirect:/cases/" + id;
		}
		catch (InvalidInput ex) {
			model.addAttribute("breakGlassProblems", ex.problems());
			return notVisible(access, id, model, response);
		}
		catch (BreakGlassNotAllowed ex) {
			return notVisible(access, id, model, response);
		}
		catch (BreakGlassLimitReached ex) {
			model.addAttribute("breakGlassLimitReached", ex.limit());
			return notVisible(access, id, model, response);
		}
	}

	@PostMapping("/{id}/contributions/{contributionId}/requests")
	String requestDisclosure(Access access, @PathVariable UUID id, @PathVariable UUID contributionId,
			@RequestParam(required = false) String reason, HttpSession session, RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		try {
			this.caseContributions.requestDisclosure(access, new CaseId(id), new ContributionId(contributionId),
					reason);
			redirect.addFlashAttribute("notice", "request.sent");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "request.reason.required");
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping("/{id}/consents")
	String recordConsent(Access access, @PathVariable UUID id,
			@RequestParam(required = false) List<String> organisations,
			@RequestParam(required = false) List<String> domains,
			@RequestParam(required = false) List<String> categories,
			@RequestParam(required = false) List<String> consentPurposes,
			@RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) LocalDate validUntil,
			@RequestParam(required = false) String evidence, @RequestParam(required = false) EvidenceKind evidenceKind,
			@RequestParam(required = false) LocalDate evidenceObtainedOn,
			@RequestParam(required = false) String evidenceObtainedBy, HttpSession session,
			RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose == null) {
			return "redirect:/cases/" + id;
		}
		try {
			this.consents.record(access, new CaseId(id),
					new ConsentScope(organisations, domains, categories, consentPurposes, validFrom, validUntil),
					new ConsentEvidence(evidenceKind, evidence, evidenceObtainedOn, evidenceObtainedBy), null);
			redirect.addFlashAttribute("notice", "consent.recorded");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", "consent.invalid");
			redirect.addFlashAttribute("consentProblems", ex.problems());
		}
		return "redirect:/cases/" + id;
	}

	@PostMapping("/{id}/consents/{consentId}/withdrawal")
	String withdrawConsent(Access access, @PathVariable UUID id, @PathVariable UUID consentId,
			@RequestParam(required = false) LocalDate on, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, HttpSession session, RedirectAttributes redirect) {
		Purpose purpose = this.purposes.of(session, id).orElse(null);
		if (purpose != null && !confirmed) {
			// a withdrawal is carried out from the question that spells out what it stops
			return "redirect:/cases/" + id + "/consents/" + consentId + "/withdrawal";
		}
		if (purpose != null) {
			try {
				this.consents.withdraw(access, new CaseId(id), new ConsentId(consentId), on, reason);
				redirect.addFlashAttribute("notice", "consent.withdrawn");
			}
			catch (InvalidInput ex) {
				redirect.addFlashAttribute("problem", "consent.withdrawal.invalid");
				redirect.addFlashAttribute("consentProblems", ex.problems());
			}
		}
		return "redirect:/cases/" + id;
	}

	private String notVisible(Access access, UUID id, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("caseId", id);
		model.addAttribute("mayBreakGlass",
				this.policy.breakGlass().roles().stream().anyMatch((role) -> access.actor().has(role)));
		model.addAttribute("breakGlassHours", this.policy.breakGlass().duration().toMinutes() / 60.0);
		model.addAttribute("purposes", this.offers.purposes(actingRole(access)));
		return "cases/not-visible";
	}

	private String page(Access access, UUID id, Purpose purpose, Model model) {
		return page(access, id, purpose, model, TimelinePage.first());
	}

	/** A link to older entries; a mangled one shows the newest page. */
	private static TimelinePage olderPage(String before) {
		try {
			return TimelinePage.of(before, null);
		}
		catch (InvalidInput ex) {
			return TimelinePage.first();
		}
	}

	private String page(Access access, UUID id, Purpose purpose, Model model, TimelinePage timeline) {
		// the purpose this page checked, or chose when only one was admitted
		Access reading = access.forPurpose(purpose.code());
		if (this.dossiers.open(reading, new CaseId(id), timeline) instanceof CaseOpening.Visible visible) {
			this.myCases.visited(reading, new CaseId(id));
			model.addAttribute("dossier", visible.dossier());
			// only what the policy lets this role contribute (PolicyOffers); consent only
			// with
			// a consent of one's own in force to rest it on
			model.addAttribute("categories", this.offers.categories(actingRole(access)));
			boolean ownConsent = visible.dossier()
				.consents()
				.stream()
				.anyMatch((c) -> c.inForce() && c.holder().equals(access.actor().organisation()));
			model.addAttribute("legalBases",
					this.offers.bases(actingRole(access))
						.stream()
						.filter((b) -> ownConsent || b != LegalBasis.CONSENT)
						.toList());
			model.addAttribute("domains", Domain.values());
			List<Organisation> organisations = this.intake.organisations();
			model.addAttribute("organisations", organisations);
			model.addAttribute("organisationNames", organisations.stream()
				.collect(Collectors.toMap(Organisation::code, Organisation::name, (a, b) -> a, LinkedHashMap::new)));
			// the safety house steering the case stays a participant: its row offers no
			// removal
			model.addAttribute("steeringHouse",
					organisations.stream()
						.filter((o) -> o.id().value().equals(visible.dossier().facts().organisationId()))
						.map(Organisation::code)
						.findFirst()
						.orElse(null));
			model.addAttribute("purposes", this.policy.purposes());
			// a consent names participating partners, and purposes a consent can open
			model.addAttribute("consentOrganisations",
					organisations.stream()
						.filter((o) -> visible.dossier()
							.participants()
							.stream()
							.anyMatch((p) -> p.active() && p.organisation().equals(o.code())))
						.toList());
			model.addAttribute("consentPurposes", this.offers.consentPurposes());
			model.addAttribute("triageOutcomes", TriageOutcome.values());
			model.addAttribute("evidenceKinds", EvidenceKind.values());
			model.addAttribute("closeReasons", CloseReason.values());
			// the plan of action: its descriptions and notes are read through the gate as
			// well
			model.addAttribute("plan", this.plan.read(reading, new CaseId(id)).orElse(List.of()));
			model.addAttribute("planOrganisations", this.plan.admittedOrganisations(new CaseId(id)));
			return "cases/show";
		}
		throw new CaseNotVisible(id);
	}

	private static nl.schakel.security.Role actingRole(Access access) {
		return access.findActor().flatMap(nl.schakel.security.Actor::actingRole).orElse(null);
	}

	/** A write on a closed or declined case: the case page says so, nothing is saved. */
	@ExceptionHandler(CaseClosed.class)
	String closed(HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "case.closed.noWrites");
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Object id = (variables instanceof java.util.Map<?, ?> map) ? map.get("id") : null;
		return (id != null) ? "redirect:/cases/" + UUID.fromString(id.toString()) : "redirect:/cases";
	}

	@ExceptionHandler(CaseNotVisible.class)
	String notVisible(Access access, CaseNotVisible ex, Model model, HttpServletResponse response) {
		return notVisible(access, ex.caseId(), model, response);
	}

	/**
	 * The reader may not know of this case (or it does not exist); the page says only
	 * that.
	 */
	static class CaseNotVisible extends RuntimeException {

		private final UUID caseId;

		CaseNotVisible(UUID caseId) {
			super("Case not visible");
			this.caseId = caseId;
		}

		UUID caseId() {
			return this.caseId;
		}

	}

	@ExceptionHandler({ CaseNotFound.class, NotAParticipant.class, ParticipantNotFound.class, ConsentNotFound.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
