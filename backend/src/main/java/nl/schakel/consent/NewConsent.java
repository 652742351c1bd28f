package nl.schakel.consent;

import java.util.UUID;

/**
 * A consent to record on one case, by the organisation that holds the information.
 *
 * @param caseId the case it is recorded on
 * @param personId the person of that case
 * @param holder the code of the recorder's organisation, whose contributions it opens
 * @param scope to whom, for what and for how long
 * @param evidence what shows the person consented
 * @param recordedBy the username of the recorder
 */
public record NewConsent(UUID caseId, UUID personId, String holder, ConsentScope scope, ConsentEvidence evidence,
		String recordedBy) {
}
