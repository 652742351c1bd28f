package nl.schakel.retention;

import java.time.OffsetDateTime;
import java.util.UUID;

import nl.schakel.policy.DataCategory;

/**
 * Proof that a case was erased, or one data category's content in a case that is kept:
 * what, when, under which rule or request, by which job run or requester. Holds no
 * personal data: the case id and reference are pseudonyms once the person's details are
 * blanked.
 *
 * @param id the proof
 * @param caseId the erased case
 * @param caseReference its reference number ({@code ZVH-yyyy-nnnnnn})
 * @param destroyedAt when the case key was destroyed
 * @param kind retention due or the person's request
 * @param ruleId the retention rule of {@code policies/retention.yaml}, for a retention
 * erasure
 * @param jobRunId the retention job run that erased it, or {@code null}
 * @param requestedBy the coordinator who erased it, or {@code null} for the job
 * @param what what was destroyed, in words: the key and the number of values blanked per
 * table
 * @param category the data category whose content was erased in the case, or {@code null}
 * when the whole case was erased
 */
public record DestructionProof(UUID id, UUID caseId, String caseReference, OffsetDateTime destroyedAt, ErasureKind kind,
		String ruleId, UUID jobRunId, String requestedBy, String what, DataCategory category) {
}
