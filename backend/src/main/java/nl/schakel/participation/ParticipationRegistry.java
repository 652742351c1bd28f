package nl.schakel.participation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.ids.OrganisationCode;
import nl.schakel.policy.Participation;
import nl.schakel.security.SecurityLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Admits organisations to cases and answers whether a professional takes part in a case
 * for a purpose today. A removal takes effect at once: the next read asks again.
 */
@Service
public class ParticipationRegistry {

	private final Participants participants;

	private final BreakGlassAccesses breakGlass;

	private final CaseVisits visits;

	private final SecurityLog securityLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ParticipationRegistry(Participants participants, BreakGlassAccesses breakGlass, CaseVisits visits, Clock clock,
			SecurityLog securityLog, ApplicationEventPublisher events) {
		this.participants = participants;
		this.breakGlass = breakGlass;
		this.visits = visits;
		this.clock = clock;
		this.securityLog = securityLog;
		this.events = events;
	}

	/** Marks that this user opened the case's page now: what is new counts from here. */
	@Transactional
	public void visited(CaseId caseId, String username) {
		Instant now = Instant.now(this.clock);
		CaseVisit visit = this.visits.findById(new CaseVisit.Key(username, caseId.value()))
			.orElseGet(() -> new CaseVisit(username, caseId.value(), now));
		visit.visitedAt(now);
		this.visits.save(visit);
	}

	/**
	 * When this user last opened each case they opened; a case never opened is absent.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Instant> lastVisits(String username) {
		Map<UUID, Instant> last = new HashMap<>();
		for (CaseVisit visit : this.visits.findByKeyUsername(username)) {
			last.put(visit.caseId(), visit.visitedAt());
		}
		return last;
	}

	/**
	 * How this professional takes part in the case for the purpose right now: admitted,
	 * in emergency access (only when their role may use it), or not at all.
	 */
	@Transactional(readOnly = true)
	public Participation participationOf(CaseId caseId, String organisation, String username, String purpose,
			boolean mayBreakGlass) {
		if (isAdmitted(caseId, organisation, username, purpose)) {
			return Participation.PARTICIPANT;
		}
		if (mayBreakGlass && activeBreakGlass(caseId, username).isPresent()) {
			return Participation.BREAK_GLASS;
		}
		return Participation.NOT_PARTICIPANT;
	}

	/**
	 * Opens emergency access for this professional until now + duration, unless they
	 * already opened it {@code maxOpeningsPerDay} times in the last 24 hours: then the
	 * refusal is recorded as a security event, announced for review, and
	 * {@link BreakGlassLimitReached} is thrown (without rolling back what recorded it).
	 */
	@Transactional(noRollbackFor = BreakGlassLimitReached.class)
	public BreakGlassView openBreakGlass(CaseId caseId, String username, String organisation, String reason,
			Duration duration, int maxOpeningsPerDay) {
		Instant now = Instant.now(this.clock);
		if (this.breakGlass.countByActorAndOpenedAtAfter(username,
				now.minus(Duration.ofDays(1))) >= maxOpeningsPerDay) {
			this.securityLog.breakGlassRefused(username, "break-glass-limit-" + maxOpeningsPerDay + "-per-day");
			this.events.publishEvent(
					new BreakGlassOpeningRefused(caseId.value(), username, organisation, maxOpeningsPerDay, now));
			// the next opening is allowed once the oldest one in the window is a day old
			Instant allowedAgain = this.breakGlass
				.findFirstByActorAndOpenedAtAfterOrderByOpenedAtAsc(username, now.minus(Duration.ofDays(1)))
				.map((oldest) -> oldest.view().openedAt().plus(Duration.ofDays(1)))
				.orElse(now.plus(Duration.ofDays(1)));
			throw new BreakGlassLimitReached(maxOpeningsPerDay, Duration.between(now, allowedAgain));
		}
		return this.breakGlass
			.save(new BreakGlassAccess(caseId.value(), username, organisation, reason.strip(), now, now.plus(duration)))
			.view();
	}

	/** The emergency access this professional has on the case now, if any. */
	@Transactional(readOnly = true)
	public Optional<BreakGlassView> activeBreakGlass(CaseId caseId, String username) {
		Instant now = Instant.now(this.clock);
		return this.breakGlass.findByCaseIdAndActor(caseId.value(), username)
			.stream()
			.filter((access) -> access.activeAt(now))
			.map(BreakGlassAccess::view)
			.max(Comparator.comparing(BreakGlassView::expiresAt));
	}

	/**
	 * Admits an organisation to the case. One admission per organisation: if it is
	 * admitted already, that admission changes (professionals, purposes, end date); the
	 * database holds this with a unique index over the active admissions.
	 */
	@Transactional
	public ParticipantView admit(CaseId caseId, Admission admission, String admittedBy) {
		Instant now = Instant.now(this.clock);
		Optional<Participant> current = activeOf(caseId.value(), admission.organisation());
		forget(caseId.value());
		if (current.isPresent()) {
			Participant participant = current.get();
			participant.change(admission.professionals(), admission.purposes(), admission.validUntil(), admittedBy,
					now);
			return this.participants.save(participant).view();
		}
		Participant participant = new Participant(caseId.value(), admission.organisation(), admission.professionals(),
				admission.purposes(), admission.validUntil(), admittedBy, now);
		ParticipantView admitted = this.participants.save(participant).view();
		this.events.publishEvent(
				new OrganisationAdmitted(caseId.value(), admitted.organisation(), admitted.professionals(), now));
		return admitted;
	}

	/**
	 * Removes an admission, and with it every access of that organisation to the case (an
	 * organisation admitted twice before admissions were one per organisation loses
	 * both).
	 */
	@Transactional
	public ParticipantView remove(CaseId caseId, UUID participantId, String steeringHouse, String removedBy) {
		Participant participant = this.participants.findById(participantId)
			.filter((p) -> p.caseId().equals(caseId.value()))
			.orElseThrow(ParticipantNotFound::new);
		if (participant.organisationCode().equals(steeringHouse)) {
			throw new SteeringHouseStays();
		}
		Instant now = Instant.now(this.clock);
		for (Participant other : participantsOf(caseId.value())) {
			if (other.active() && other.organisationCode().equals(participant.organisationCode())
					&& !other.equals(participant)) {
				other.remove(removedBy, now);
				this.participants.save(other);
			}
		}
		participant.remove(removedBy, now);
		return this.participants.save(participant).view();
	}

	/**
	 * A case closes (or triage declines it): every partner's participation ends, so
	 * partners are no longer participants for any purpose; the history of who took part
	 * stays. The safety house that steers the case keeps one admission, for the purposes
	 * a closed case is read under (accountability), and none other.
	 */
	@Transactional
	public void endOnClosure(CaseId caseId, String safetyHouse, List<String> closedCasePurposes, String by) {
		Instant now = Instant.now(this.clock);
		boolean steering = false;
		for (Participant participant : participantsOf(caseId.value())) {
			if (!participant.active()) {
				continue;
			}
			if (participant.organisationCode().equals(safetyHouse)) {
				participant.change(List.of(), closedCasePurposes, null, by, now);
				steering = true;
			}
			else {
				participant.endWithClosure(by, now);
			}
			this.participants.save(participant);
		}
		forget(caseId.value());
		if (!steering) {
			this.participants
				.save(new Participant(caseId.value(), safetyHouse, List.of(), closedCasePurposes, null, by, now));
		}
	}

	/**
	 * A closed case reopens: the safety house steers it again for these purposes.
	 * Partners' participations stay ended; the coordinator admits again whom the case
	 * needs now.
	 */
	@Transactional
	public void restoreOnReopening(CaseId caseId, String safetyHouse, List<String> purposes, String by) {
		admit(caseId, new Admission(safetyHouse, List.of(), purposes, null), by);
	}

	@Transactional(readOnly = true)
	public List<ParticipantView> participants(CaseId caseId) {
		return participantsOf(caseId.value()).stream().map(Participant::view).toList();
	}

	/**
	 * Whether this organisation was ever admitted to the case, today or before (a closed
	 * case ended every partner's admission). Who took part may learn that a case is
	 * closed; anyone else learns nothing of it.
	 */
	@Transactional(readOnly = true)
	public boolean tookPart(CaseId caseId, OrganisationCode organisation) {
		return participantsOf(caseId.value()).stream()
			.anyMatch((p) -> p.organisationCode().equals(organisation.value()));
	}

	/**
	 * Whether this professional of this organisation was admitted to the case for the
	 * purpose when it closed on that day (the closure ended the admission; one removed
	 * before the closure does not count). The follow-up after closure asks this.
	 */
	@Transactional(readOnly = true)
	public boolean wasAdmittedAtClosure(CaseId caseId, OrganisationCode organisation, String username, String purpose,
			LocalDate closedOn) {
		return closedOn != null && participantsOf(caseId.value()).stream()
			.anyMatch((p) -> p.admittedUntilClosure(organisation.value(), username, purpose, closedOn));
	}

	/**
	 * The purposes this professional of this organisation was admitted to the case for
	 * when it closed on that day (sorted): those of the admission the closure ended, as
	 * {@link #wasAdmittedAtClosure} asks one by one. The follow-up page offers them.
	 */
	@Transactional(readOnly = true)
	public List<String> purposesAdmittedAtClosure(CaseId caseId, OrganisationCode organisation, String username,
			LocalDate closedOn) {
		if (closedOn == null) {
			return List.of();
		}
		return participantsOf(caseId.value()).stream()
			.flatMap((p) -> p.view()
				.purposes()
				.stream()
				.filter((purpose) -> p.admittedUntilClosure(organisation.value(), username, purpose, closedOn)))
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * Whether this professional of this organisation is admitted to the case for the
	 * purpose today.
	 */
	@Transactional(readOnly = true)
	public boolean isAdmitted(CaseId caseId, String organisation, String username, String purpose) {
		LocalDate today = LocalDate.now(this.clock);
		return participantsOf(caseId.value()).stream()
			.anyMatch((p) -> p.admits(organisation, username, purpose, today));
	}

	/**
	 * The cases this professional of this organisation takes part in today, each with the
	 * purposes admitted (sorted, never empty): their own admissions, metadata only.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<String>> admissionsOf(String organisation, String username) {
		LocalDate today = LocalDate.now(this.clock);
		Map<UUID, java.util.TreeSet<String>> found = new HashMap<>();
		for (Participant participant : this.participants.findByOrganisationCodeAndRemovedAtIsNull(organisation)) {
			List<String> purposes = participant.purposesFor(organisation, username, today);
			if (!purposes.isEmpty()) {
				found.computeIfAbsent(participant.caseId(), (id) -> new java.util.TreeSet<>()).addAll(purposes);
			}
		}
		Map<UUID, List<String>> admissions = new HashMap<>();
		found.forEach((caseId, purposes) -> admissions.put(caseId, List.copyOf(purposes)));
		return admissions;
	}

	/**
	 * The purposes this professional of this organisation is admitted to the case for
	 * today (sorted).
	 */
	@Transactional(readOnly = true)
	public List<String> admittedPurposes(CaseId caseId, String organisation, String username) {
		LocalDate today = LocalDate.now(this.clock);
		return participantsOf(caseId.value()).stream()
			.flatMap((p) -> p.purposesFor(organisation, username, today).stream())
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * The case's participants, read once per transaction: a case page asks whether the
	 * reader takes part (the gate) and then lists everyone (the page) in the same
	 * transaction. The entities are the session's own, so a removal in the transaction
	 * shows at once; an admission forgets the list.
	 */
	private List<Participant> participantsOf(UUID caseId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return this.participants.findByCaseIdOrderByAdmittedAtAsc(caseId);
		}
		@SuppressWarnings("unchecked")
		Map<UUID, List<Participant>> read = (Map<UUID, List<Participant>>) TransactionSynchronizationManager
			.getResource(this);
		if (read == null) {
			Map<UUID, List<Participant>> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(ParticipationRegistry.this);
				}
			});
			read = fresh;
		}
		return read.computeIfAbsent(caseId, this.participants::findByCaseIdOrderByAdmittedAtAsc);
	}

	private Optional<Participant> activeOf(UUID caseId, String organisation) {
		return participantsOf(caseId).stream()
			.filter((p) -> p.active() && p.organisationCode().equals(organisation))
			.reduce((first, later) -> later);
	}

	private void forget(UUID caseId) {
		Object read = TransactionSynchronizationManager.getResource(this);
		if (read instanceof Map<?, ?> map) {
			map.remove(caseId);
		}
	}

}
