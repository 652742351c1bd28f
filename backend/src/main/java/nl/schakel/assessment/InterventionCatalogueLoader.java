package nl.schakel.assessment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.schakel.organisation.Domain;
import nl.schakel.policy.PolicyError;
import nl.schakel.policy.PolicyYaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and validates {@code policies/interventions.yaml} against the instrument (its
 * target groups name values of the instrument's scales); problems as
 * {@code interventions.yaml:line: problem}.
 */
final class InterventionCatalogueLoader {

	static final String FILE = "interventions.yaml";

	private final List<PolicyError> errors = new ArrayList<>();

	private final PolicyYaml yaml = new PolicyYaml(FILE, this.errors);

	private final AssessmentInstrument instrument;

	InterventionCatalogueLoader(AssessmentInstrument instrument) {
		this.instrument = instrument;
	}

	InterventionCatalogue load(Optional<byte[]> bytes, String where) {
		if (bytes.isEmpty()) {
			this.yaml.error(0, "missing in " + where);
			throw new InstrumentInvalid("The intervention catalogue is invalid", this.errors);
		}
		InterventionCatalogue catalogue = this.yaml.parse(bytes.get())
			.flatMap((root) -> read(root, bytes.get()))
			.orElse(null);
		if (!this.errors.isEmpty() || catalogue == null) {
			if (this.errors.isEmpty()) {
				this.yaml.error(1, "the file could not be read");
			}
			throw new InstrumentInvalid("The intervention catalogue is invalid", this.errors);
		}
		return catalogue;
	}

	private Optional<InterventionCatalogue> read(Node root, byte[] bytes) {
		Optional<Map<String, Node>> top = this.yaml.mapping(root, "the catalogue",
				List.of("version", "follow-up-months", "barriers", "interventions"));
		if (top.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Node> fields = top.get();
		String version = this.yaml.text(fields, "version", root, true).orElse("?");
		List<Integer> months = new ArrayList<>();
		if (!fields.containsKey("follow-up-months")) {
			this.yaml.error(root, "missing 'follow-up-months', e.g. follow-up-months: [3, 6, 12, 24]");
		}
		for (ScalarNode entry : this.yaml.list(fields, "follow-up-months", "3, 6, 12, 24", "name at least one month")) {
			CatalogueYaml.number(this.yaml, entry, "a follow-up month").ifPresent((m) -> {
				if (m < 1 || m > 120) {
					this.yaml.error(entry, "a follow-up month lies between 1 and 120");
				}
				else if (!months.isEmpty() && m <= months.get(months.size() - 1)) {
					this.yaml.error(entry,
							"follow-up months go up: " + m + " follows " + months.get(months.size() - 1));
				}
				else {
					months.add(m);
				}
			});
		}
		List<AssessmentInstrument.Coded> barriers = new ArrayList<>();
		for (Node node : CatalogueYaml.entries(this.yaml, fields, "barriers", root, true)) {
			this.yaml.mapping(node, "a barrier", List.of("code", "label")).ifPresent((f) -> {
				Optional<String> code = this.yaml.text(f, "code", node, true);
				Optional<Label> label = CatalogueYaml.label(this.yaml, f, "label", node);
				if (code.isPresent() && label.isPresent()) {
					barriers.add(new AssessmentInstrument.Coded(code.get(), label.get()));
				}
			});
		}
		List<InterventionCatalogue.Intervention> interventions = new ArrayList<>();
		Set<String> codes = new LinkedHashSet<>();
		for (Node node : CatalogueYaml.entries(this.yaml, fields, "interventions", root, true)) {
			intervention(node).ifPresent((i) -> {
				if (!codes.add(i.code())) {
					this.yaml.error(node, "intervention '" + i.code() + "' appears twice");
				}
				interventions.add(i);
			});
		}
		return Optional.of(new InterventionCatalogue(CatalogueYaml.version(version, bytes), List.copyOf(months),
				List.copyOf(barriers), List.copyOf(interventions)));
	}

	private Optional<InterventionCatalogue.Intervention> intervention(Node node) {
		return this.yaml
			.mapping(node, "an intervention", List.of("code", "name", "provider-type", "delivered-by",
					"working-elements", "target-group", "conditions"))
			.flatMap((f) -> {
				Optional<String> code = this.yaml.text(f, "code", node, true);
				Optional<Label> name = CatalogueYaml.label(this.yaml, f, "name", node);
				Optional<Label> provider = CatalogueYaml.label(this.yaml, f, "provider-type", node);
				Optional<String> deliveredBy = this.yaml.text(f, "delivered-by", node, true).filter((d) -> {
					boolean known = java.util.Arrays.stream(Domain.values()).anyMatch((x) -> x.name().equals(d));
					if (!known) {
						this.yaml.error(f.get("delivered-by"),
								"unknown domain '" + d + "' (known: CARE, JUSTICE, MUNICIPAL, SAFETY_HOUSE)");
					}
					return known;
				});
				if (!f.containsKey("working-elements")) {
					this.yaml.error(node, "missing 'working-elements'");
				}
				List<String> elements = CatalogueYaml.words(this.yaml, f, "working-elements", "COGNITIVE, SOCIETAL",
						InterventionCatalogue.WORKING_ELEMENTS);
				InterventionCatalogue.TargetGroup target = targetGroup(f.get("target-group"), node);
				InterventionCatalogue.Conditions conditions = conditions(f.get("conditions"), node);
				if (code.isEmpty() || name.isEmpty() || provider.isEmpty() || deliveredBy.isEmpty() || target == null
						|| conditions == null) {
					return Optional.empty();
				}
				return Optional.of(new InterventionCatalogue.Intervention(code.get(), name.get(), provider.get(),
						deliveredBy.get(), List.copyOf(elements), target, conditions));
			});
	}

	private InterventionCatalogue.TargetGroup targetGroup(Node node, Node owner) {
		if (node == null) {
			this.yaml.error(owner, "missing 'target-group' (age-groups, phases, statuses)");
			return null;
		}
		Optional<Map<String, Node>> f = this.yaml.mapping(node, "'target-group'",
				List.of("age-groups", "phases", "statuses"));
		if (f.isEmpty()) {
			return null;
		}
		return new InterventionCatalogue.TargetGroup(values(f.get(), "age-groups", "age-group"),
				values(f.get(), "phases", "phase"), values(f.get(), "statuses", "justice-status"));
	}

	private Set<Integer> values(Map<String, Node> fields, String key, String scaleCode) {
		Optional<AssessmentInstrument.Scale> scale = this.instrument.scales()
			.stream()
			.filter((s) -> s.code().equals(scaleCode))
			.findFirst();
		Set<Integer> found = new LinkedHashSet<>();
		for (ScalarNode entry : this.yaml.list(fields, key, "0, 1", "leave '" + key + "' out for any")) {
			CatalogueYaml.number(this.yaml, entry, "an entry of '" + key + "'").ifPresent((v) -> {
				if (scale.isPresent() && !scale.get().allows(v)) {
					this.yaml.error(entry, v + " is not a value of the instrument's " + scaleCode + " scale");
				}
				else {
					found.add(v);
				}
			});
		}
		return Set.copyOf(found);
	}

	private InterventionCatalogue.Conditions conditions(Node node, Node owner) {
		if (node == null) {
			this.yaml.error(owner, "missing 'conditions'");
			return null;
		}
		Optional<Map<String, Node>> f = this.yaml.mapping(node, "'conditions'",
				List.of("minimum-duration-weeks", "trauma-sensitive", "trust-building", "family-or-community"));
		if (f.isEmpty()) {
			return null;
		}
		int weeks = Optional.ofNullable(f.get().get("minimum-duration-weeks"))
			.flatMap((n) -> CatalogueYaml.number(this.yaml, n, "'minimum-duration-weeks'"))
			.orElse(0);
		return new InterventionCatalogue.Conditions(weeks, flag(f.get(), "trauma-sensitive", node),
				flag(f.get(), "trust-building", node), flag(f.get(), "family-or-community", node));
	}

	private boolean flag(Map<String, Node> fields, String key, Node owner) {
		Optional<String> value = this.yaml.text(fields, key, owner, true);
		if (value.isPresent() && !value.get().equals("true") && !value.get().equals("false")) {
			this.yaml.error(fields.get(key), "'" + key + "' is true or false");
		}
		return value.map(Boolean::parseBoolean).orElse(false);
	}

}
