package nl.schakel.register;

import java.util.List;

/**
 * The register of processing (AVG art. 30) as generated from {@code policies/}: who is
 * responsible, whose data, for which purposes, which categories, which recipients under
 * which rule and legal basis, how long, and the security measures. The page and
 * {@code GET /api/v1/register} show this same value.
 */
public record RegisterOfProcessing(String controller, String dataSubjects, String policyVersion,
		String retentionVersion, List<PurposeEntry> purposes, List<CategoryEntry> categories, List<RuleEntry> rules,
		List<RetentionEntry> retention, LogRetention log, List<MeasureEntry> measures) {

	/** A purpose with what is processed for it and who receives it. */
	public record PurposeEntry(String code, String label, String labelEn, String description, List<String> categories,
			List<String> recipientRoles, List<String> legalBases, List<String> rules) {
	}

	public record CategoryEntry(String code, String description, boolean special, String article) {
	}

	/**
	 * A rule of the access policy: which roles receive what, for which purposes, with
	 * what effect.
	 */
	public record RuleEntry(String id, String description, List<String> roles, List<String> purposes,
			List<String> categories, List<String> legalBases, String effect) {
	}

	public record RetentionEntry(String id, String outcome, List<String> categories, String period, String countedFrom,
			String source) {
	}

	public record LogRetention(String period, String source) {
	}

	public record MeasureEntry(String measure, String where) {
	}

}
