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

import nl.schakel.policy.Participation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Admits organisations to cases and answers whether a professional takes part in a case for
 * a purpose today. A removal takes effect at once: the next read asks again.
 */
@Service
public class ParticipationRegistry {

	private final Participants participants;

	private final BreakGlassAccesses breakGlass;

	private final CaseVisits visits;

	private final Clock clock;

	ParticipationRegistry(Participants participants, BreakGlassAccesses breakGlass, CaseVisits visits, Clock clock) {
		this.participants = participants;
		this.breakGlass = breakGlass;
		this.visits = visits;
		this.clock = clock;
	}

	/** Marks that this user opened the case's page now: what is new counts from here. */
	@Transactional
	public void visited(UUID caseId, String username) {
		Instant now = Instant.now(this.clock);
		CaseVisit visit = this.visits.findById(new CaseVisit.Key(username, caseId))
			.orElseGet(() -> new CaseVisit(username, caseId, now));
		visit.visitedAt(now);
		this.visits.save(visit);
	}

	/** When this user last opened each case they opened; a case never opened is absent. */
	@Transactional(readOnly = true)
	public Map<UUID, Instant> lastVisits(String username) {
		Map<UUID, Instant> last = new HashMap<>();
		for (CaseVisit visit : this.visits.findByKeyUsername(username)) {
			last.put(visit.caseId(), visit.visitedAt());
		}
		return last;
	}

	/**
	 * How this professional takes part in the case for the purpose right now: admitted, in
	 * emergency access (only when their role may use it), or not at all.
	 */
	@Transactional(readOnly = true)
	public Participation participationOf(UUID caseId, String organisation, String username, String purpose,
			boolean mayBreakGlass) {
		if (isAdmitted(caseId, organisation, username, purpose)) {
			return Participation.PARTICIPANT;
		}
		if (mayBreakGlass && activeBreakGlass(caseId, username).isPresent()) {
			return Participation.BREAK_GLASS;
		}
		return Participation.NOT_PARTICIPANT;
	}

	/** Opens emergency access for this professional until now + duration. */
	@Transactional
	public BreakGlassView openBreakGlass(UUID caseId, String username, String organisation, String reason,
			Duration duration) {
		Instant now = Instant.now(this.clock);
		return this.breakGlass
			.save(new BreakGlassAccess(caseId, username, organisation, reason.strip(), now, now.plus(duration)))
			.view();
	}

	/** The emergency access this professional has on the case now, if any. */
	@Transactional(readOnly = true)
	public Optional<BreakGlassView> activeBreakGlass(UUID caseId, String username) {
		Instant now = Instant.now(this.clock);
		return this.breakGlass.findByCaseIdAndActor(caseId, username)
			.stream()
			.filter((access) -> access.activeAt(now))
			.map(BreakGlassAccess::view)
			.max(Comparator.comparing(BreakGlassView::expiresAt));
	}

	@Transactional
	public ParticipantView admit(UUID caseId, Admission admission, String admittedBy) {
		Participant participant = new Participant(caseId, admission.organisation(), admission.professionals(),
				admission.purposes(), admission.validUntil(), admittedBy, Instant.now(this.clock));
		forget(caseId);
		return this.participants.save(participant).view();
	}

	@Transactional
	public ParticipantView remove(UUID caseId, UUID participantId, String removedBy) {
		Participant participant = this.participants.findById(participantId)
			.filter((p) -> p.caseId().equals(caseId))
			.orElseThrow(ParticipantNotFound::new);
		participant.remove(removedBy, Instant.now(this.clock));
		return this.participants.save(participant).view();
	}

	@Transactional(readOnly = true)
	public List<ParticipantView> participants(UUID caseId) {
		return participantsOf(caseId).stream().map(Participant::view).toList();
	}

	/** Whether this professional of this organisation is admitted to the case for the purpose today. */
	@Transactional(readOnly = true)
	public boolean isAdmitted(UUID caseId, String organisation, String username, String purpose) {
		LocalDate today = LocalDate.now(this.clock);
		return participantsOf(caseId).stream()
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

	/** The purposes this professional of this organisation is admitted to the case for today (sorted). */
	@Transactional(readOnly = true)
	public List<String> admittedPurposes(UUID caseId, String organisation, String username) {
		LocalDate today = LocalDate.now(this.clock);
		return participantsOf(caseId).stream()
			.flatMap((p) -> p.purposesFor(organisation, username, today).stream())
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * The case's participants, read once per transaction: a case page asks whether the reader
	 * takes part (the gate) and then lists everyone (the page) in the same transaction. The
	 * entities are the session's own, so a removal in the transaction shows at once; an
	 * admission forgets the list.
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

	private void forget(UUID caseId) {
		Object read = TransactionSynchronizationManager.getResource(this);
		if (read instanceof Map<?, ?> map) {
			map.remove(caseId);
		}
	}

}
