package nl.schakel.participation;

import java.time.Instant;
import java.util.UUID;

/** An emergency access as shown in the banner and the API. */
public record BreakGlassView(UUID id, UUID caseId, String actor, String reason, Instant openedAt, Instant expiresAt) {
}
