package nl.schakel.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.schakel.organisation.Domain;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.PolicyError;
import nl.schakel.policy.PolicyYaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and validates {@code policies/assessment.yaml}; every problem is reported as
 * {@code assessment.yaml:line: problem} and the start stops.
 */
final class AssessmentInstrumentLoader {

	static final String FILE = "assessment.yaml";

	private static final List<String> ORGANISATION_DOMAINS = java.util.Arrays.stream(Domain.values())
		.map(Enum::name)
		.toList();

	private final List<PolicyError> errors = new ArrayList<>();

	private final PolicyYaml yaml = new PolicyYaml(FILE, this.errors);

	AssessmentInstrument load(Optional<byte[]> bytes, String where) {
		if (bytes.isEmpty()) {
			this.yaml.error(0, "missing in " + where);
			throw new InstrumentInvalid("The assessment instrument is invalid", this.errors);
		}
		AssessmentInstrument instrument = this.yaml.parse(bytes.get())
			.flatMap((root) -> read(root, bytes.get()))
			.orElse(null);
		if (!this.errors.isEmpty() || instrument == null) {
			if (this.errors.isEmpty()) {
				this.yaml.error(1, "the file could not be read");
			}
			throw new InstrumentInvalid("The assessment instrument is invalid", this.errors);
		}
		return instrument;
	}

	private Optional<AssessmentInstrument> read(Node root, byte[] bytes) {
		Optional<Map<String, Node>> top = this.yaml.mapping(root, "the instrument",
				List.of("version", "moments", "concern-levels", "scales", "domains", "prompts", "minors"));
		if (top.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Node> fields = top.get();
		String version = this.yaml.text(fields, "version", root, true).orElse("?");
		List<String> moments = CatalogueYaml.words(this.yaml, fields, "moments", "INTAKE, PLAN_REVIEW, FOLLOW_UP",
				null);
		if (!fields.containsKey("moments")) {
			this.yaml.error(root, "missing 'moments'");
		}
		List<AssessmentInstrument.Coded> levels = coded(fields, "concern-levels", root);
		Map<String, AssessmentInstrument.Scale> scales = new LinkedHashMap<>();
		for (Node node : CatalogueYaml.entries(this.yaml, fields, "scales", root, true)) {
			scale(node).ifPresent((scale) -> {
				if (scales.putIfAbsent(scale.code(), scale) != null) {
					this.yaml.error(node, "scale '" + scale.code() + "' appears twice");
				}
			});
		}
		List<AssessmentInstrument.Domain> domains = new ArrayList<>();
		Set<String> domainCodes = new LinkedHashSet<>();
		for (Node node : CatalogueYaml.entries(this.yaml, fields, "domains", root, true)) {
			domain(node, scales).ifPresent((domain) -> {
				if (!domainCodes.add(domain.code())) {
					this.yaml.error(node, "domain '" + domain.code() + "' appears twice");
				}
				domains.add(domain);
			});
		}
		List<AssessmentInstrument.Prompt> prompts = new ArrayList<>();
		for (Node node : CatalogueYaml.entries(this.yaml, fields, "prompts", root, false)) {
			prompt(node, domains).ifPresent(prompts::add);
		}
		AssessmentInstrument.Minors minors = new AssessmentInstrument.Minors(List.of(), List.of());
		Node minorsNode = fields.get("minors");
		if (minorsNode != null) {
			Optional<Map<String, Node>> m = this.yaml.mapping(minorsNode, "'minors'",
					List.of("partners", "legal-bases"));
			if (m.isPresent()) {
				minors = new AssessmentInstrument.Minors(coded(m.get(), "partners", minorsNode),
						coded(m.get(), "legal-bases", minorsNode));
			}
		}
		return Optional.of(new AssessmentInstrument(CatalogueYaml.version(version, bytes), List.copyOf(moments), levels,
				List.copyOf(scales.values()), List.copyOf(domains), List.copyOf(prompts), minors));
	}

	private List<AssessmentInstrument.Coded> coded(Map<String, Node> fields, String key, Node owner) {
		List<AssessmentInstrument.Coded> found = new ArrayList<>();
		for (Node node : CatalogueYaml.entries(this.yaml, fields, key, owner, true)) {
			this.yaml.mapping(node, "an entry of '" + key + "'", List.of("code", "label")).ifPresent((f) -> {
				Optional<String> code = this.yaml.text(f, "code", node, true);
				Optional<Label> label = CatalogueYaml.label(this.yaml, f, "label", node);
				if (code.isPresent() && label.isPresent()) {
					found.add(new AssessmentInstrument.Coded(code.get(), label.get()));
				}
			});
		}
		return List.copyOf(found);
	}

	private Optional<AssessmentInstrument.Scale> scale(Node node) {
		return this.yaml.mapping(node, "a scale", List.of("code", "kind", "anchors")).flatMap((f) -> {
			Optional<String> code = this.yaml.text(f, "code", node, true);
			Optional<String> kind = this.yaml.text(f, "kind", node, true);
			kind.filter((k) -> !k.equals("ordinal") && !k.equals("nominal"))
				.ifPresent((k) -> this.yaml.error(f.get("kind"), "unknown kind '" + k + "' (known: ordinal, nominal)"));
			List<AssessmentInstrument.Anchor> anchors = new ArrayList<>();
			Set<Integer> values = new LinkedHashSet<>();
			for (Node a : CatalogueYaml.entries(this.yaml, f, "anchors", node, true)) {
				this.yaml.mapping(a, "an anchor", List.of("value", "label")).ifPresent((af) -> {
					Optional<Integer> value = Optional.ofNullable(af.get("value"))
						.flatMap((v) -> CatalogueYaml.number(this.yaml, v, "'value'"));
					if (!af.containsKey("value")) {
						this.yaml.error(a, "missing 'value'");
					}
					Optional<Label> label = CatalogueYaml.label(this.yaml, af, "label", a);
					if (value.isPresent() && !values.add(value.get())) {
						this.yaml.error(a, "anchor value " + value.get() + " appears twice");
					}
					if (value.isPresent() && label.isPresent()) {
						anchors.add(new AssessmentInstrument.Anchor(value.get(), label.get()));
					}
				});
			}
			return (code.isPresent() && kind.isPresent())
					? Optional.of(new AssessmentInstrument.Scale(code.get(), kind.get(), List.copyOf(anchors)))
					: Optional.empty();
		});
	}

	private Optional<AssessmentInstrument.Domain> domain(Node node, Map<String, AssessmentInstrument.Scale> scales) {
		return this.yaml.mapping(node, "a domain", List.of("code", "label", "category", "rated-by", "items"))
			.flatMap((f) -> {
				Optional<String> code = this.yaml.text(f, "code", node, true);
				Optional<Label> label = CatalogueYaml.label(this.yaml, f, "label", node);
				Optional<DataCategory> category = this.yaml.text(f, "category", node, true).flatMap((c) -> {
					try {
						return Optional.of(DataCategory.valueOf(c));
					}
					catch (IllegalArgumentException ex) {
						this.yaml.error(f.get("category"),
								"unknown category '" + c + "' (known: "
										+ String.join(", ",
												java.util.Arrays.stream(DataCategory.values()).map(Enum::name).toList())
										+ ")");
						return Optional.empty();
					}
				});
				if (!f.containsKey("rated-by")) {
					this.yaml.error(node, "missing 'rated-by' (which kinds of organisation rate this domain)");
				}
				List<String> ratedBy = CatalogueYaml.words(this.yaml, f, "rated-by", "CARE, MUNICIPAL",
						ORGANISATION_DOMAINS);
				List<AssessmentInstrument.Item> items = new ArrayList<>();
				Set<String> itemCodes = new LinkedHashSet<>();
				for (Node i : CatalogueYaml.entries(this.yaml, f, "items", node, true)) {
					this.yaml.mapping(i, "an item", List.of("code", "label", "scale")).ifPresent((itf) -> {
						Optional<String> itemCode = this.yaml.text(itf, "code", i, true);
						Optional<Label> itemLabel = CatalogueYaml.label(this.yaml, itf, "label", i);
						Optional<AssessmentInstrument.Scale> scale = this.yaml.text(itf, "scale", i, true)
							.flatMap((s) -> {
								if (!scales.containsKey(s)) {
									this.yaml.error(itf.get("scale"), "unknown scale '" + s + "' (known: "
											+ String.join(", ", scales.keySet()) + ")");
								}
								return Optional.ofNullable(scales.get(s));
							});
						if (itemCode.isPresent() && !itemCodes.add(itemCode.get())) {
							this.yaml.error(i, "item '" + itemCode.get() + "' appears twice in its domain");
						}
						if (itemCode.isPresent() && itemLabel.isPresent() && scale.isPresent()) {
							items.add(new AssessmentInstrument.Item(itemCode.get(), itemLabel.get(), scale.get()));
						}
					});
				}
				if (code.isEmpty() || label.isEmpty() || category.isEmpty()) {
					return Optional.empty();
				}
				return Optional.of(new AssessmentInstrument.Domain(code.get(), label.get(), category.get(),
						Set.copyOf(ratedBy), List.copyOf(items)));
			});
	}

	private Optional<AssessmentInstrument.Prompt> prompt(Node node, List<AssessmentInstrument.Domain> domains) {
		return this.yaml.mapping(node, "a prompt", List.of("code", "label", "when")).flatMap((f) -> {
			Optional<String> code = this.yaml.text(f, "code", node, true);
			Optional<Label> label = CatalogueYaml.label(this.yaml, f, "label", node);
			Map<String, Integer> when = new LinkedHashMap<>();
			Node whenNode = f.get("when");
			if (!(whenNode instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
				this.yaml.error((whenNode != null) ? whenNode : node,
						"'when' must list items as 'domain.item: at least', e.g. trigger-factors.loss: 2");
				return Optional.empty();
			}
			for (NodeTuple tuple : mapping.getValue()) {
				String key = (tuple.getKeyNode() instanceof ScalarNode s) ? s.getValue() : "";
				String[] parts = key.split("\\.", 2);
				boolean known = parts.length == 2
						&& domains.stream().anyMatch((d) -> d.code().equals(parts[0]) && d.item(parts[1]).isPresent());
				if (!known) {
					this.yaml.error(tuple.getKeyNode(), "unknown item '" + key + "' (write domain.item)");
					continue;
				}
				CatalogueYaml.number(this.yaml, tuple.getValueNode(), "'" + key + "'")
					.ifPresent((n) -> when.put(key, n));
			}
			return (code.isPresent() && label.isPresent())
					? Optional.of(new AssessmentInstrument.Prompt(code.get(), label.get(), Map.copyOf(when)))
					: Optional.empty();
		});
	}

}
