package nl.schakel.casefile;

import java.util.List;

/** The referral's facts that are not free text about the person. */
public record ReferralFacts(String referringOrganisation, String referringProfessional, List<String> invitedPartners,
		boolean personInformed) {
}
