package nl.schakel.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A consent as the registry shows it, with whether it is in force today.
 *
 * @param holder the code of the organisation that recorded it and whose information it
 * opens
 * @param withdrawal who withdrew it, when and why; {@code null} while not withdrawn
 */
public record ConsentView(UUID id, UUID personId, ConsentScope scope, String evidence, String recordedBy,
		Instant recordedAt, LocalDate withdrawnOn, boolean inForce, UUID caseId, String holder,
		ConsentEvidence evidenceDetails, Withdrawal withdrawal) {

	/**
	 * A withdrawal.
	 *
	 * @param on the day it took effect
	 * @param by who recorded it
	 * @param byOrganisation for which organisation
	 * @param reason why (required when the coordinator records it for the person)
	 * @param recordedAt when it was recorded
	 * @param onBehalfOfPerson whether someone other than the holder (the coordinator)
	 * recorded it: then it is a notice to the holder
	 */
	public record Withdrawal(LocalDate on, String by, String byOrganisation, String reason, Instant recordedAt,
			boolean onBehalfOfPerson) {
	}

}
