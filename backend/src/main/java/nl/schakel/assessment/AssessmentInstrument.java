package nl.schakel.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.schakel.policy.DataCategory;

/**
 * The assessment instrument in force ({@code policies/assessment.yaml}): domains of
 * items, each rated on a scale with anchors, filed under the domain's data category and
 * rated by the kinds of organisation (CARE, JUSTICE, MUNICIPAL, SAFETY_HOUSE) the file
 * names.
 */
public record AssessmentInstrument(String version, List<String> moments, List<Coded> concernLevels, List<Scale> scales,
		List<Domain> domains, List<Prompt> prompts, Minors minors) {

	/** A code with its label. */
	public record Coded(String code, Label label) {
	}

	/** One anchor of a scale: a value and what it means. */
	public record Anchor(int value, Label label) {
	}

	/**
	 * A rating scale. Ordinal scales (concern, protective, phase) take part in trends;
	 * nominal ones (age group, status) describe, they do not go up or down.
	 */
	public record Scale(String code, String kind, List<Anchor> anchors) {

		public boolean ordinal() {
			return "ordinal".equals(this.kind);
		}

		public boolean allows(int value) {
			return this.anchors.stream().anyMatch((a) -> a.value() == value);
		}

	}

	/** One item of a domain, with the scale it is rated on (anchors included). */
	public record Item(String code, Label label, Scale scale) {
	}

	/** A domain of items: its data category and which kinds of organisation rate it. */
	public record Domain(String code, Label label, DataCategory category, Set<String> ratedBy, List<Item> items) {

		public Optional<Item> item(String code) {
			return this.items.stream().filter((i) -> i.code().equals(code)).findFirst();
		}

	}

	/**
	 * A prompt for discussion when every named item ({@code domain.item}) is rated at
	 * least so high.
	 */
	public record Prompt(String code, Label label, Map<String, Integer> when) {
	}

	/**
	 * Partners that may take part for a minor, and the legal bases that apply to them.
	 */
	public record Minors(List<Coded> partners, List<Coded> legalBases) {
	}

	public Optional<Domain> domain(String code) {
		return this.domains.stream().filter((d) -> d.code().equals(code)).findFirst();
	}

	public boolean concernLevel(String code) {
		return this.concernLevels.stream().anyMatch((c) -> c.code().equals(code));
	}

}
