package nl.schakel.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.crypto.FieldCipher;
import nl.schakel.disclosure.SealedContent;
import nl.schakel.ids.CaseId;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.Organisations;
import nl.schakel.person.Bsn;
import nl.schakel.person.NewPerson;
import nl.schakel.ids.PersonId;
import nl.schakel.person.PersonRegistration;
import nl.schakel.person.PersonRegistry;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers referrals as cases, lists them and moves them along their statuses. The
 * coordinator steers cases; the person's data and the case's contents are read through
 * the disclosure gate, never here.
 */
@Service
public class CaseFileService {

	static final int MAX_PAGE_SIZE = 100;

	/** The longest reason or free text the case keeps (the columns' width). */
	static final int MAX_REASON = 2000;

	private final CaseFiles caseFiles;

	private final PersonRegistry persons;

	private final Referrals referrals;

	private final Organisations organisations;

	private final FieldCipher cipher;

	private final MessageSource messages;

	private final Clock clock;

	private final ObjectProvider<StatusPrecondition> preconditions;

	CaseFileService(CaseFiles caseFiles, PersonRegistry persons, Referrals referrals, Organisations organisations,
			FieldCipher cipher, MessageSource messages, Clock clock, ObjectProvider<StatusPrecondition> preconditions) {
		this.preconditions = preconditions;
		this.caseFiles = caseFiles;
		this.persons = persons;
		this.referrals = referrals;
		this.organisations = organisations;
		this.cipher = cipher;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Registers the person (or finds them by BSN) and opens a case for them in REFERRED.
	 */
	@Transactional
	@PreAuthorize("hasRole('COORDINATOR')")
	public CaseFacts register(Access access, RegisterCaseRequest request) {
		Actor coordinator = access.actor();
		Organisation safetyHouse = this.organisations.findByCode(coordinator.organisation())
			.orElseThrow(() -> new IllegalStateException("The coordinator's organisation is not registered"));
		RegisterCaseRequest.ReferralForm referral = request.getReferral();
		if (referral != null) {
			validate(referral);
		}
		RegisterCaseRequest.PersonDetails details = request.getPerson();
		Bsn bsn = (details.getBsn() == null || details.getBsn().isBlank()) ? null
				: Bsn.parse(details.getBsn()).orElseThrow(() -> new IllegalArgumentException("invalid BSN"));
		PersonRegistration registration = this.persons.register(
				new NewPerson(details.getName(), details.getDateOfBirth(), bsn, details.getAddress()),
				request.isSamePersonConfirmed());
		PersonId person = registration.person();
		CaseFile caseFile = new CaseFile(this.caseFiles.nextReferenceNumber(), person.value(), request.getCaseType(),
				coordinator.username(), safetyHouse.id().value(), LocalDate.now(this.clock));
		CaseFile saved = this.caseFiles.save(caseFile);
		Referral record = (referral != null)
				? new Referral(saved.id().value(), referral.getReferringOrganisation().strip(),
						referral.getReferringProfessional().strip(), distinct(referral.getInvitedPartners()),
						referral.getPersonInformed())
				// the coordinator's own signal
				: new Referral(saved.id().value(), coordinator.organisation(), coordinator.displayName(), List.of(),
						false);
		ReferralDetails text = (referral != null) ? new ReferralDetails(referral.getReason().strip(),
				referral.getGoal().strip(), blankToNull(referral.getNotInformedReason()))
				: new ReferralDetails(null, null, null);
		if (registration.confirmedDespiteDifferences()) {
			record.confirmSamePerson();
		}
		record.seal(this.cipher.seal(text.toJson(), Referral.binding(saved.id().value())));
		this.referrals.save(record);
		return facts(saved);
	}

	private void validate(RegisterCaseRequest.ReferralForm referral) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.organisations.findByCode(referral.getReferringOrganisation().strip()).isEmpty()) {
			problems.add(problem("referral.referringOrganisation", "referral.organisation.unknown"));
		}
		for (String partner : distinct(referral.getInvitedPartners())) {
			if (this.organisations.findByCode(partner).isEmpty()) {
				problems.add(problem("referral.invitedPartners", "referral.organisation.unknown"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	/**
	 * The triage decision: accept into consultation, or close with advice only or
	 * declined (with a reason).
	 */
	@Transactional
	@PreAuthorize("hasRole('COORDINATOR')")
	public CaseFacts decideTriage(Access access, CaseId id, TriageOutcome outcome, String reason) {
		List<FieldProblem> problems = new ArrayList<>();
		if (outcome == null) {
			problems.add(problem("outcome", "triage.outcome.required"));
		}
		if (outcome == TriageOutcome.DECLINED && blankToNull(reason) == null) {
			problems.add(problem("reason", "triage.reason.required"));
		}
		if (reason != null && reason.length() > 2000) {
			problems.add(problem("reason", "referral.text.size"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		CaseFile caseFile = ownCase(access, id);
		caseFile.requireOpenForWrites();
		caseFile.decideTriage(outcome, blankToNull(reason), LocalDate.now(this.clock));
		return facts(this.caseFiles.save(caseFile));
	}

	/**
	 * The referral's facts and its sealed free text, for the case header read through the
	 * gate.
	 */
	@Transactional(readOnly = true)
	public Optional<SealedReferral> referral(CaseId id) {
		return this.referrals.findById(id.value())
			.map((r) -> new SealedReferral(r.facts(),
					SealedContent.of(r.detailsCiphertext(), Referral.binding(id.value()))));
	}

	/** The open cases of a person, for the known-to check: facts only. */
	@Transactional(readOnly = true)
	public List<CaseFacts> openCasesOf(PersonId personId) {
		return this.caseFiles.findByPersonIdAndStatusNot(personId.value(), CaseStatus.CLOSED)
			.stream()
			.map(CaseFileService::facts)
			.toList();
	}

	private FieldProblem problem(String field, String code) {
		return new FieldProblem(field, this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
	}

	private static List<String> distinct(List<String> values) {
		return (values == null) ? List.of()
				: values.stream().filter((v) -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** The referral as the case header carries it through the gate. */
	public record SealedReferral(ReferralFacts facts, SealedContent details) {

		/**
		 * A referral as a read model found it: its details stay sealed, bound to the
		 * case's referral row as the entity binds them.
		 */
		public static SealedReferral of(UUID caseId, ReferralFacts facts, byte[] detailsCiphertext) {
			return new SealedReferral(facts, SealedContent.of(detailsCiphertext, Referral.binding(caseId)));
		}

	}

	/**
	 * The facts of a case of the current user's own safety house, for the actions that
	 * steer it (admitting, removing, emergency access). Another safety house's case
	 * answers as a missing one does, so its existence is not revealed.
	 */
	@Transactional(readOnly = true)
	public CaseFacts ofOwnSafetyHouse(Access access, CaseId id) {
		return facts(ownCase(access, id));
	}

	private CaseFile ownCase(Access access, CaseId id) {
		return this.caseFiles.findById(id.value())
			.filter((caseFile) -> caseFile.belongsTo(ownSafetyHouse(access)))
			.orElseThrow(CaseNotFound::new);
	}

	/** Of these cases, those of the current user's own safety house (metadata only). */
	@Transactional(readOnly = true)
	public List<CaseFacts> ofOwnSafetyHouse(Access access, java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		UUID house = this.organisations.findByCode(access.actor().organisation())
			.map((organisation) -> organisation.id().value())
			.orElse(null);
		return facts(ids).stream().filter((c) -> c.organisationId().equals(house)).toList();
	}

	/** The organisation the current user works for; only a safety house has cases. */
	private UUID ownSafetyHouse(Access access) {
		return this.organisations.findByCode(access.actor().organisation())
			.map((organisation) -> organisation.id().value())
			.orElseThrow(CaseNotFound::new);
	}

	/**
	 * The own safety house's cases newest first, metadata only: no person data is read
	 * for a list.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public CasePage page(Access access, Long before, int size) {
		return page(access, before, size, CaseFilter.NONE);
	}

	/**
	 * The own safety house's cases narrowed by the filter, newest first, metadata only.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public CasePage page(Access access, Long before, int size, CaseFilter filter) {
		int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		List<CaseFile> found = this.caseFiles.search(ownSafetyHouse(access), (before != null) ? before : Long.MAX_VALUE,
				filter.referencePattern(), filter.statuses(), filter.caseTypes(), filter.from(), filter.until(),
				Limit.of(limit + 1));
		List<CaseFile> page = found.subList(0, Math.min(limit, found.size()));
		Long next = (found.size() > limit) ? page.get(page.size() - 1).referenceNumber() : null;
		return new CasePage(page.stream().map(CaseFileService::facts).toList(), next);
	}

	/**
	 * How many of the own safety house's cases are in each status, every status listed.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public java.util.Map<CaseStatus, Long> countByStatus(Access access) {
		java.util.Map<CaseStatus, Long> counts = new java.util.EnumMap<>(CaseStatus.class);
		for (CaseStatus status : CaseStatus.values()) {
			counts.put(status, 0L);
		}
		for (Object[] row : this.caseFiles.countByStatus(ownSafetyHouse(access))) {
			counts.put((CaseStatus) row[0], ((Number) row[1]).longValue());
		}
		return counts;
	}

	/**
	 * The facts of these cases, newest first, for a professional's own list of the cases
	 * they are admitted to: metadata only, the caller has already decided which ids it
	 * may list.
	 */
	@Transactional(readOnly = true)
	public List<CaseFacts> facts(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.caseFiles.findAllByIdIn(ids)
			.stream()
			.sorted(java.util.Comparator.comparingLong(CaseFile::referenceNumber).reversed())
			.map(CaseFileService::facts)
			.toList();
	}

	/** Moves an open case one step on; closing it needs a reason ({@link #close}). */
	@Transactional
	@PreAuthorize("hasRole('COORDINATOR')")
	public CaseFacts move(Access access, CaseId id, CaseStatus target) {
		CaseFile caseFile = ownCase(access, id);
		caseFile.requireOpenForWrites();
		if (target == CaseStatus.CLOSED) {
			throw new InvalidInput(List.of(problem("reason", "case.close.reason.required")));
		}
		CaseStatus from = caseFile.status();
		if (from.canMoveTo(target)) {
			// the features that fill the step's rules are asked lazily: they depend on
			// this service
			this.preconditions.orderedStream()
				.map((rule) -> rule.refusal(id, from, target))
				.flatMap(Optional::stream)
				.findFirst()
				.ifPresent((refusal) -> {
					throw new StatusPreconditionNotMet(from, target, refusal);
				});
		}
		caseFile.moveTo(target, LocalDate.now(this.clock));
		return facts(this.caseFiles.save(caseFile));
	}

	/**
	 * Closes a case with a reason from the list and free text (required when the reason
	 * is {@link CloseReason#OTHER}). A closed case takes no writes until it is reopened.
	 */
	@Transactional
	@PreAuthorize("hasRole('COORDINATOR')")
	public CaseFacts close(Access access, CaseId id, CloseReason reason, String text) {
		CaseFile caseFile = ownCase(access, id);
		caseFile.requireOpenForWrites();
		List<FieldProblem> problems = new ArrayList<>();
		if (reason == null) {
			problems.add(problem("reason", "case.close.reason.required"));
		}
		if (reason == CloseReason.OTHER && blankToNull(text) == null) {
			problems.add(problem("text", "case.close.text.required"));
		}
		if (text != null && text.length() > MAX_REASON) {
			problems.add(problem("text", "referral.text.size"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		caseFile.close(reason, blankToNull(text), LocalDate.now(this.clock));
		return facts(this.caseFiles.save(caseFile));
	}

	/**
	 * Reopens a closed or declined case, with a reason; see {@code CaseFile.reopen} for
	 * where it goes back to.
	 */
	@Transactional
	@PreAuthorize("hasRole('COORDINATOR')")
	public CaseFacts reopen(Access access, CaseId id, String reason) {
		CaseFile caseFile = ownCase(access, id);
		List<FieldProblem> problems = new ArrayList<>();
		if (blankToNull(reason) == null) {
			problems.add(problem("reason", "case.reopen.reason.required"));
		}
		else if (reason.length() > MAX_REASON) {
			problems.add(problem("reason", "referral.text.size"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		caseFile.reopen(blankToNull(reason), LocalDate.now(this.clock));
		return facts(this.caseFiles.save(caseFile));
	}

	/**
	 * The facts of a case that takes writes: a missing case is {@link CaseNotFound}, a
	 * closed or declined one {@link CaseClosed}.
	 */
	@Transactional(readOnly = true)
	public CaseFacts requireOpen(CaseId id) {
		CaseFile caseFile = this.caseFiles.findById(id.value()).orElseThrow(CaseNotFound::new);
		caseFile.requireOpenForWrites();
		return facts(caseFile);
	}

	/**
	 * The facts of a case, for the features that decide what to disclose of it. Not
	 * content: who the person is stays behind the gate.
	 */
	@Transactional(readOnly = true)
	public Optional<CaseFacts> facts(CaseId id) {
		return this.caseFiles.findById(id.value()).map(CaseFileService::facts);
	}

	private static CaseFacts facts(CaseFile caseFile) {
		return new CaseFacts(caseFile.id(), caseFile.reference(), caseFile.personId(), caseFile.caseType(),
				caseFile.status(), List.copyOf(caseFile.status().next()), caseFile.coordinatorUsername(),
				caseFile.organisationId(), caseFile.openedOn(), caseFile.closedOn(), caseFile.triageOutcome(),
				caseFile.triageReason(), caseFile.closeReason(), caseFile.closeText(), caseFile.reopenedOn(),
				caseFile.reopenReason());
	}

}
