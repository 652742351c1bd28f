package nl.schakel.register;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.schakel.policy.DataCategory;
import nl.schakel.policy.PolicyError;
import nl.schakel.policy.PolicyValidationException;
import nl.schakel.policy.PolicyYaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code retention.yaml} and {@code register.yaml} with the one reader of
 * {@code policies/}: every problem collected with its file and line before start-up
 * fails. A data category of the policy without its register entry is such a problem.
 */
final class RegisterFiles {

	static final String RETENTION = "retention.yaml";

	static final String REGISTER = "register.yaml";

	private final List<PolicyError> errors = new ArrayList<>();

	/** What {@code register.yaml} says. */
	record Register(String version, String controller, String dataSubjects, Map<DataCategory, CategoryEntry> categories,
			List<Measure> measures) {
	}

	record CategoryEntry(String description, boolean special, String article) {
	}

	record Measure(String measure, String where) {
	}

	/** What {@code retention.yaml} says. */
	record Retention(String version, List<RetentionPeriod> periods, Period logPeriod, String logSource) {
	}

	Retention retention(Optional<byte[]> bytes, String where) {
		PolicyYaml yaml = new PolicyYaml(RETENTION, this.errors);
		Retention retention = bytes.isEmpty() ? missing(yaml, where)
				: yaml.parse(bytes.get()).map((root) -> retention(yaml, root)).orElse(null);
		return failOnErrors(retention);
	}

	Register register(Optional<byte[]> bytes, String where) {
		PolicyYaml yaml = new PolicyYaml(REGISTER, this.errors);
		Register register = bytes.isEmpty() ? missing(yaml, where)
				: yaml.parse(bytes.get()).map((root) -> register(yaml, root)).orElse(null);
		return failOnErrors(register);
	}

	private static <T> T missing(PolicyYaml yaml, String where) {
		yaml.error(0, "file not found in " + where);
		return null;
	}

	private <T> T failOnErrors(T result) {
		if (!this.errors.isEmpty() || result == null) {
			List<PolicyError> sorted = new ArrayList<>(this.errors);
			sorted.sort(Comparator.comparingInt(PolicyError::line));
			throw new PolicyValidationException(
					sorted.isEmpty() ? List.of(new PolicyError(REGISTER, 0, "the file could not be read")) : sorted);
		}
		return result;
	}

	private Retention retention(PolicyYaml yaml, Node root) {
		Map<String, Node> top = yaml.mapping(root, RETENTION, List.of("version", "periods", "log")).orElse(null);
		if (top == null) {
			return null;
		}
		String version = yaml.text(top, "version", root, true).orElse(null);
		List<RetentionPeriod> periods = new ArrayList<>();
		Node list = top.get("periods");
		Set<String> ids = new LinkedHashSet<>();
		if (!(list instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			yaml.error((list != null) ? list : root, "'periods' must be a list of periods, each starting with '- id:'");
		}
		else {
			for (Node entry : sequence.getValue()) {
				period(yaml, entry, ids).ifPresent(periods::add);
			}
		}
		Period logPeriod = null;
		String logSource = null;
		Node log = top.get("log");
		if (log == null) {
			yaml.error(root, "missing 'log' (how long the log of who saw what is kept)");
		}
		else {
			Map<String, Node> fields = yaml.mapping(log, "'log'", List.of("period", "source")).orElse(Map.of());
			logPeriod = duration(yaml, fields, log);
			logSource = yaml.text(fields, "source", log, true).orElse(null);
		}
		return (version != null) ? new Retention(version, List.copyOf(periods), logPeriod, logSource) : null;
	}

	private Optional<RetentionPeriod> period(PolicyYaml yaml, Node entry, Set<String> ids) {
		Map<String, Node> fields = yaml
			.mapping(entry, "a period", List.of("id", "outcome", "categories", "period", "from", "source"))
			.orElse(null);
		if (fields == null) {
			return Optional.empty();
		}
		String id = yaml.text(fields, "id", entry, true).orElse(null);
		if (id != null && !ids.add(id)) {
			yaml.error(fields.get("id"), "period id '" + id + "' appears twice");
		}
		RetentionPeriod.CaseOutcome outcome = yaml.text(fields, "outcome", entry, true)
			.flatMap((written) -> word(yaml, fields.get("outcome"), written, RetentionPeriod.CaseOutcome.class))
			.orElse(null);
		Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
		for (ScalarNode category : yaml.list(fields, "categories", "HEALTH, CRIMINAL")) {
			category(yaml, category).ifPresent(categories::add);
		}
		Period period = duration(yaml, fields, entry);
		RetentionPeriod.CountedFrom from = yaml.text(fields, "from", entry, true)
			.flatMap((written) -> word(yaml, fields.get("from"), written, RetentionPeriod.CountedFrom.class))
			.orElse(null);
		String source = yaml.text(fields, "source", entry, true).orElse(null);
		if (id == null || outcome == null || period == null || from == null || source == null) {
			return Optional.empty();
		}
		return Optional.of(new RetentionPeriod(id, outcome, Set.copyOf(categories), period, from, source));
	}

	private static Period duration(PolicyYaml yaml, Map<String, Node> fields, Node owner) {
		String written = yaml.text(fields, "period", owner, true).orElse(null);
		if (written == null) {
			return null;
		}
		try {
			Period period = Period.parse(written);
			if (period.isNegative() || period.isZero()) {
				yaml.error(fields.get("period"), "'period' must be longer than zero, e.g. P2Y");
				return null;
			}
			return period;
		}
		catch (DateTimeParseException ex) {
			yaml.error(fields.get("period"),
					"'period' must be an ISO-8601 period such as P1Y or P18M, not '" + written + "'");
			return null;
		}
	}

	private static <E extends Enum<E>> Optional<E> word(PolicyYaml yaml, Node node, String written, Class<E> type) {
		String constant = written.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(constant)) {
				return Optional.of(value);
			}
		}
		List<String> known = new ArrayList<>();
		for (E value : type.getEnumConstants()) {
			known.add(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		}
		yaml.error(node, "unknown value '" + written + "' (known: " + String.join(", ", known) + ")");
		return Optional.empty();
	}

	private static Optional<DataCategory> category(PolicyYaml yaml, ScalarNode node) {
		try {
			return Optional.of(DataCategory.valueOf(node.getValue().strip()));
		}
		catch (IllegalArgumentException ex) {
			yaml.error(node, "unknown data category '" + node.getValue() + "' (known: "
					+ String.join(", ", EnumSet.allOf(DataCategory.class).stream().map(Enum::name).toList()) + ")");
			return Optional.empty();
		}
	}

	private Register register(PolicyYaml yaml, Node root) {
		Map<String, Node> top = yaml
			.mapping(root, REGISTER, List.of("version", "controller", "data-subjects", "categories", "measures"))
			.orElse(null);
		if (top == null) {
			return null;
		}
		String version = yaml.text(top, "version", root, true).orElse(null);
		String controller = yaml.text(top, "controller", root, true).orElse(null);
		String subjects = yaml.text(top, "data-subjects", root, true).orElse(null);
		Map<DataCategory, CategoryEntry> categories = new EnumMap<>(DataCategory.class);
		Node list = top.get("categories");
		if (!(list instanceof SequenceNode sequence)) {
			yaml.error((list != null) ? list : root,
					"'categories' must be a list, each entry starting with '- category:'");
		}
		else {
			for (Node entry : sequence.getValue()) {
				Map<String, Node> fields = yaml
					.mapping(entry, "a category entry", List.of("category", "description", "special", "article"))
					.orElse(null);
				if (fields == null) {
					continue;
				}
				Optional<DataCategory> category = yaml.text(fields, "category", entry, true)
					.flatMap((written) -> category(yaml, (ScalarNode) fields.get("category")));
				String description = yaml.text(fields, "description", entry, true).orElse(null);
				boolean special = yaml.text(fields, "special", entry, false).map("true"::equals).orElse(false);
				String article = yaml.text(fields, "article", entry, false).orElse(null);
				if (special && article == null) {
					yaml.error(entry, "a special category names its 'article' (e.g. AVG art. 9)");
				}
				if (category.isPresent() && categories.containsKey(category.get())) {
					yaml.error(entry, "category " + category.get() + " appears twice");
				}
				else if (category.isPresent() && description != null) {
					categories.put(category.get(), new CategoryEntry(description, special, article));
				}
			}
			for (DataCategory category : DataCategory.values()) {
				if (!categories.containsKey(category)) {
					yaml.error(list, "data category " + category
							+ " of the access policy has no entry here: the register must describe every category");
				}
			}
		}
		List<Measure> measures = new ArrayList<>();
		Node measureList = top.get("measures");
		if (!(measureList instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			yaml.error((measureList != null) ? measureList : root, "'measures' must list the security measures");
		}
		else {
			for (Node entry : sequence.getValue()) {
				Map<String, Node> fields = yaml.mapping(entry, "a measure", List.of("measure", "where")).orElse(null);
				if (fields != null) {
					String measure = yaml.text(fields, "measure", entry, true).orElse(null);
					String where = yaml.text(fields, "where", entry, true).orElse(null);
					if (measure != null && where != null) {
						measures.add(new Measure(measure, where));
					}
				}
			}
		}
		if (version == null || controller == null || subjects == null) {
			return null;
		}
		return new Register(version, controller, subjects, Map.copyOf(categories), List.copyOf(measures));
	}

}
