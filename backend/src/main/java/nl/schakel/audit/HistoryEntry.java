package nl.schakel.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change in the history of a case: one Envers revision of one record (the case, a
 * participant, a contribution), who made it, under which purpose, request and policy
 * version, and which fields changed. Fields that hold content or free text about the
 * person show only that they changed, never a value.
 *
 * @param record what changed: case, participant or contribution
 * @param recordId its id
 * @param revision the Envers revision number
 * @param time when
 * @param actor who
 * @param organisation for which organisation
 * @param purpose under which purpose
 * @param requestId in which request
 * @param policyVersion under which policy version
 * @param change ADDED, CHANGED or DELETED
 * @param fields what changed
 */
public record HistoryEntry(String record, UUID recordId, long revision, Instant time, String actor, String organisation,
		String purpose, String requestId, String policyVersion, String change, List<FieldChange> fields) {

	/**
	 * One field that changed.
	 *
	 * @param field the field (column) name
	 * @param value its new value, or {@code null} when it is hidden (content, free text)
	 * or empty
	 * @param hidden whether the value is withheld: the field shows "changed" only
	 */
	public record FieldChange(String field, String value, boolean hidden) {
	}

}
