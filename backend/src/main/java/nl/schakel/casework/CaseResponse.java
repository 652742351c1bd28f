package nl.schakel.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;
import nl.schakel.casefile.ReferralDetails;
import nl.schakel.participation.BreakGlassView;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;

/**
 * A case as {@code GET /api/v1/cases/{id}} answers it: what the gate let the reader see
 * of the case, the person, the referral and the timeline.
 */
record CaseResponse(UUID id, String reference, CaseType caseType, CaseStatus status, List<CaseStatus> nextStatuses,
		String coordinator, LocalDate openedOn, LocalDate closedOn, String purpose, PersonResponse person,
		ReferralResponse referral, BreakGlassView breakGlass, List<Item> contributions, String olderContributions) {

	static CaseResponse of(CaseDossier dossier) {
		CaseFacts facts = dossier.facts();
		return new CaseResponse(facts.id().value(), facts.reference(), facts.caseType(), facts.status(),
				facts.nextStatuses(), facts.coordinator(), facts.openedOn(), facts.closedOn(),
				dossier.purpose().purpose().code(),
				new PersonResponse(
						dossier.person().name(), dossier.person().dateOfBirth(), dossier.person().bsnRegistered()),
				ReferralResponse.of(dossier), dossier.breakGlass(),
				dossier.timeline()
					.stream()
					.map((e) -> new Item(e.id(), e.holder(), e.category(), e.createdAt(), e.decision(), e.content(),
							e.ruleId(), e.reason(), e.erased()))
					.toList(),
				dossier.olderTimeline());
	}

	record PersonResponse(String name, LocalDate dateOfBirth, boolean bsnRegistered) {
	}

	record ReferralResponse(String referringOrganisation, String referringProfessional, List<String> invitedPartners,
			boolean personInformed, String reason, String goal, String notInformedReason) {

		static ReferralResponse of(CaseDossier dossier) {
			if (dossier.referral() == null) {
				return null;
			}
			ReferralDetails details = dossier.referralDetails();
			return new ReferralResponse(dossier.referral().referringOrganisation(),
					dossier.referral().referringProfessional(), dossier.referral().invitedPartners(),
					dossier.referral().personInformed(), (details != null) ? details.reason() : null,
					(details != null) ? details.goal() : null, (details != null) ? details.notInformedReason() : null);
		}

	}

	record Item(UUID id, String holder, DataCategory category, Instant createdAt, Decision decision, String content,
			String rule, String reason, nl.schakel.disclosure.ErasedContent erased) {
	}

}
