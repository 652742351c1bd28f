package nl.schakel.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A subject-access report (inzageverzoek, GDPR art. 15): what Schakel holds about one
 * person, as metadata, and every disclosure of it. Content is never part of it: the
 * owning partners provide that themselves.
 *
 * @param producedAt when it was produced
 * @param person the person
 * @param cases the person's cases
 * @param contributions the information items held, without their content
 * @param consents the person's consents
 * @param disclosures every time information about the person was shown (permitted, or its
 * existence only)
 * @param professionalNamesShown whether recipients are named individually
 * (review-flags.yaml)
 */
public record SubjectAccessReport(Instant producedAt, Person person, List<CaseHeld> cases,
		List<ContributionHeld> contributions, List<ConsentHeld> consents, List<Recipient> disclosures,
		boolean professionalNamesShown) {

	/** The person, with whether a BSN is registered (never the number). */
	public record Person(UUID id, String name, LocalDate dateOfBirth, boolean bsnRegistered) {
	}

	/**
	 * One case of the person; {@code erasedAt} says when its content was erased
	 * (crypto-shredded), if it was.
	 */
	public record CaseHeld(UUID id, String reference, String caseType, String status, LocalDate openedOn,
			LocalDate closedOn, Instant erasedAt) {

		/**
		 * The day of the erasure in the Netherlands, for the printed report; {@code null}
		 * when not erased.
		 */
		public LocalDate erasedOn() {
			return (this.erasedAt == null) ? null
					: this.erasedAt.atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate();
		}

	}

	public record ContributionHeld(UUID id, String caseReference, String holdingOrganisation,
			String holdingOrganisationName, String category, String legalBasis, Instant createdAt) {
	}

	public record ConsentHeld(List<String> organisations, List<String> domains, List<String> categories,
			List<String> purposes, LocalDate validFrom, LocalDate validUntil, LocalDate withdrawnOn) {
	}

	/**
	 * One disclosure: to which organisation and role, when, why, on which basis.
	 *
	 * @param professional the individual's username, only when the settings allow it
	 */
	public record Recipient(Instant occurredAt, String organisation, String organisationName, String role,
			String professional, String purpose, String legalBasis, String itemKind, String category, String decision,
			String caseReference, String channel) {
	}

}
