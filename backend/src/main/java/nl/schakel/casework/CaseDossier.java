package nl.schakel.casework;

import java.util.List;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.ReferralDetails;
import nl.schakel.casefile.ReferralFacts;
import nl.schakel.consent.ConsentView;
import nl.schakel.participation.BreakGlassView;
import nl.schakel.participation.ParticipantView;
import nl.schakel.person.PersonSummary;
import nl.schakel.policy.PurposeDefinition;

/**
 * A case as one reader may see it under one purpose: its facts, the person, the
 * participants, the consents to choose from, and the timeline of contributions — each
 * either with content or as "exists" with the reason. The timeline is one page, oldest
 * first; {@code olderTimeline} is the cursor for the page before it, or null.
 */
public record CaseDossier(CaseFacts facts, PersonSummary person, PurposeDefinition purpose, ReferralFacts referral,
		ReferralDetails referralDetails, List<ParticipantView> participants, List<ConsentView> consents,
		List<TimelineEntry> timeline, boolean steering, BreakGlassView breakGlass, String olderTimeline) {

	/**
	 * Whether this view is under emergency access, which the page must say in a banner.
	 */
	public boolean underBreakGlass() {
		return this.breakGlass != null;
	}

}
