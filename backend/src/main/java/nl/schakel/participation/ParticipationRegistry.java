package nl.schakel.participation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admits organisations to cases and answers whether a professional takes part in a case for
 * a purpose today. A removal takes effect at once: the next read asks again.
 */
@Service
public class ParticipationRegistry {

	private final Participants participants;

	private final Clock clock;

	ParticipationRegistry(Participants participants, Clock clock) {
		this.participants = participants;
		this.clock = clock;
	}

	@Transactional
	public ParticipantView admit(UUID caseId, Admission admission, String admittedBy) {
		Participant participant = new Participant(caseId, admission.organisation(), admission.professionals(),
				admission.purposes(), admission.validUntil(), admittedBy, Instant.now(this.clock));
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
		return this.participants.findByCaseIdOrderByAdmittedAtAsc(caseId).stream().map(Participant::view).toList();
	}

	/** Whether this professional of this organisation is admitted to the case for the purpose today. */
	@Transactional(readOnly = true)
	public boolean isAdmitted(UUID caseId, String organisation, String username, String purpose) {
		LocalDate today = LocalDate.now(this.clock);
		return this.participants.findByCaseIdOrderByAdmittedAtAsc(caseId)
			.stream()
			.anyMatch((p) -> p.admits(organisation, username, purpose, today));
	}

	/** The purposes for which this professional is admitted to the case today. */
	@Transactional(readOnly = true)
	public List<String> purposesFor(UUID caseId, String organisation, String username, List<String> candidates) {
		LocalDate today = LocalDate.now(this.clock);
		List<Participant> admissions = this.participants.findByCaseIdOrderByAdmittedAtAsc(caseId);
		return candidates.stream()
			.filter((purpose) -> admissions.stream().anyMatch((p) -> p.admits(organisation, username, purpose, today)))
			.toList();
	}

}
