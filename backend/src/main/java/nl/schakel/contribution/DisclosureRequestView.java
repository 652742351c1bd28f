package nl.schakel.contribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A disclosure request as requester and owner see it in their inbox: who asks, for which
 * case, purpose and category of item, why, and by when ({@code due}, the last day to
 * answer on). {@code caseReference} is filled in by whoever knows the case's reference.
 */
public record DisclosureRequestView(UUID id, UUID caseId, UUID contributionId, String requester,
		String requesterOrganisation, String owner, String purpose, String reason, Instant requestedAt, String state,
		String decidedBy, Instant decidedAt, String grantedBasis, Boolean grantedToOrganisation, String refusalReason,
		String category, LocalDate due, String caseReference) {

	/** This view with the case's reference. */
	public DisclosureRequestView withCaseReference(String reference) {
		return new DisclosureRequestView(this.id, this.caseId, this.contributionId, this.requester,
				this.requesterOrganisation, this.owner, this.purpose, this.reason, this.requestedAt, this.state,
				this.decidedBy, this.decidedAt, this.grantedBasis, this.grantedToOrganisation, this.refusalReason,
				this.category, this.due, reference);
	}

}
