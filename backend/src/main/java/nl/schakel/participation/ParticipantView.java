package nl.schakel.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An admission as shown to the coordinator and to participants. */
public record ParticipantView(UUID id, String organisation, List<String> professionals, List<String> purposes,
		LocalDate validUntil, String admittedBy, Instant admittedAt, Instant removedAt) {

	public boolean active() {
		return this.removedAt == null;
	}

}
