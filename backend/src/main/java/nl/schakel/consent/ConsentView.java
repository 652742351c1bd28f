package nl.schakel.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A consent as the registry shows it, with whether it is in force today. */
public record ConsentView(UUID id, UUID personId, ConsentScope scope, String evidence, String recordedBy,
		Instant recordedAt, LocalDate withdrawnOn, boolean inForce) {
}
