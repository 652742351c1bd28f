package nl.schakel.audit;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import nl.schakel.policy.PolicyError;
import nl.schakel.policy.PolicyYaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates {@code review-flags.yaml} with the reader of all files under
 * {@code policies/} ({@link PolicyYaml}), so its problems read like the access policy's:
 * every one collected before failing, each as {@code review-flags.yaml:line: problem}.
 * What is here is only what review flags mean.
 */
final class ReviewFlagsLoader {

	static final String FILE = "review-flags.yaml";

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final List<String> TOP_KEYS = List.of("version", "office-hours", "subject-access", "flags");

	private static final List<String> FLAG_KEYS = List.of("id", "kind", "description", "due", "policy-rules", "count",
			"window");

	private static final Duration LONGEST_WINDOW = Duration.ofDays(1);

	private final Set<String> accessPolicyRules;

	private final List<PolicyError> errors = new ArrayList<>();

	private final PolicyYaml yaml = new PolicyYaml(FILE, this.errors);

	/**
	 * @param accessPolicyRules the rule ids of the loaded access policy, which policy
	 * flags may name (besides the access policy's bulk-reads limit, which a flag claims
	 * as {@code bulk-read-limit})
	 */
	ReviewFlagsLoader(Set<String> accessPolicyRules) {
		Set<String> known = new LinkedHashSet<>(accessPolicyRules);
		known.add(BulkReadRefusals.BULK_READ_RULE);
		this.accessPolicyRules = known;
	}

	/**
	 * @param bytes the file, or empty when there is none
	 * @return the flags
	 * @throws ReviewFlagsInvalid naming every problem with its line
	 */
	ReviewFlags load(Optional<byte[]> bytes, String where) {
		if (bytes.isEmpty()) {
			this.yaml.error(0, "file not found in " + where);
			throw new ReviewFlagsInvalid(this.errors);
		}
		ReviewFlags flags = this.yaml.parse(bytes.get()).map(this::flags).orElse(null);
		if (!this.errors.isEmpty() || flags == null) {
			if (this.errors.isEmpty()) {
				error(1, "the file could not be read");
			}
			this.errors.sort(Comparator.comparingInt(PolicyError::line));
			throw new ReviewFlagsInvalid(this.errors);
		}
		return flags;
	}

	private ReviewFlags flags(Node root) {
		Map<String, Node> top = mapping(root, "review-flags.yaml", TOP_KEYS);
		if (top == null) {
			return null;
		}
		String version = text(top, "version", root, true);
		ReviewFlags.OfficeHours hours = officeHours(top.get("office-hours"));
		boolean names = false;
		Node subjectAccess = top.get("subject-access");
		if (subjectAccess != null) {
			Map<String, Node> fields = mapping(subjectAccess, "subject-access", List.of("show-professional-names"));
			if (fields != null) {
				String value = text(fields, "show-professional-names", subjectAccess, false);
				if (value != null) {
					if (!value.equals("true") && !value.equals("false")) {
						error(fields.get("show-professional-names"), "'show-professional-names' must be true or false");
					}
					names = value.equals("true");
				}
			}
		}
		List<ReviewFlags.Flag> flags = new ArrayList<>();
		Node list = top.get("flags");
		if (list == null) {
			error(root, "missing 'flags'");
		}
		else if (!(list instanceof SequenceNode sequence)) {
			error(list, "'flags' must be a list of flag rules, each starting with '- id:'");
		}
		else {
			Map<String, Integer> ids = new LinkedHashMap<>();
			for (Node entry : sequence.getValue()) {
				flag(entry, ids).ifPresent(flags::add);
			}
		}
		if (hours == null) {
			hours = new ReviewFlags.OfficeHours(ZoneId.of("Europe/Amsterdam"),
					EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(19, 0));
		}
		return (version != null) ? new ReviewFlags(version, hours, names, List.copyOf(flags)) : null;
	}

	private ReviewFlags.OfficeHours officeHours(Node node) {
		if (node == null) {
			return null;
		}
		Map<String, Node> fields = mapping(node, "office-hours", List.of("zone", "days", "from", "until"));
		if (fields == null) {
			return null;
		}
		ZoneId zone = ZoneId.of("Europe/Amsterdam");
		String zoneText = text(fields, "zone", node, false);
		if (zoneText != null) {
			try {
				zone = ZoneId.of(zoneText);
			}
			catch (DateTimeException ex) {
				error(fields.get("zone"), "unknown time zone '" + zoneText + "', e.g. Europe/Amsterdam");
			}
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (ScalarNode day : this.yaml.list(fields, "days", "MONDAY, TUESDAY",
				"leave 'days' out for Monday to Friday")) {
			try {
				days.add(DayOfWeek.valueOf(day.getValue().strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				error(day, "unknown day '" + day.getValue() + "' (known: " + Arrays.toString(DayOfWeek.values()) + ")");
			}
		}
		if (!fields.containsKey("days")) {
			days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
		}
		LocalTime from = time(fields, "from", node);
		LocalTime until = time(fields, "until", node);
		if (from != null && until != null && !from.isBefore(until)) {
			error(fields.get("until"), "'until' (" + until + ") must be later than 'from' (" + from + ")");
		}
		return (from != null && until != null) ? new ReviewFlags.OfficeHours(zone, days, from, until) : null;
	}

	private LocalTime time(Map<String, Node> fields, String key, Node owner) {
		String text = text(fields, key, owner, true);
		if (text == null) {
			return null;
		}
		try {
			return LocalTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			error(fields.get(key), "'" + key + "' must be a time such as \"07:00\" (in quotes)");
			return null;
		}
	}

	private Optional<ReviewFlags.Flag> flag(Node entry, Map<String, Integer> ids) {
		Map<String, Node> fields = mapping(entry, "a flag rule", FLAG_KEYS);
		if (fields == null) {
			return Optional.empty();
		}
		int line = PolicyYaml.line(entry);
		String id = text(fields, "id", entry, true);
		if (id != null) {
			if (!ID.matcher(id).matches()) {
				error(fields.get("id"),
						"flag id '" + id + "' must be lower-case words joined by '-', e.g. burst-of-denials");
				id = null;
			}
			else if (ids.containsKey(id)) {
				error(fields.get("id"), "duplicate flag id '" + id + "' (first used on line " + ids.get(id) + ")");
				id = null;
			}
			else {
				ids.put(id, line);
			}
		}
		String description = text(fields, "description", entry, true);
		ReviewFlags.Kind kind = null;
		String kindText = text(fields, "kind", entry, true);
		if (kindText != null) {
			String normalised = kindText.toLowerCase(Locale.ROOT).replace('_', '-');
			kind = Arrays.stream(ReviewFlags.Kind.values())
				.filter((k) -> k.code().equals(normalised))
				.findFirst()
				.orElse(null);
			if (kind == null) {
				error(fields.get("kind"),
						"unknown kind '" + kindText + "' (known: "
								+ String.join(", ",
										Arrays.stream(ReviewFlags.Kind.values()).map(ReviewFlags.Kind::code).toList())
								+ ")");
			}
		}
		Duration due = duration(fields, "due", entry, true, Duration.ofDays(365));
		Set<String> policyRules = new LinkedHashSet<>();
		for (ScalarNode rule : this.yaml.list(fields, "policy-rules", "break-glass-read",
				"leave 'policy-rules' out to claim flags of any access-policy rule")) {
			String value = rule.getValue().strip();
			if (!this.accessPolicyRules.contains(value)) {
				error(rule, "unknown access-policy rule '" + value + "' (known: "
						+ String.join(", ", this.accessPolicyRules) + ")");
			}
			policyRules.add(value);
		}
		boolean counted = kind == ReviewFlags.Kind.DENIAL_BURST || kind == ReviewFlags.Kind.MANY_PERSONS;
		int count = 0;
		Duration window = null;
		if (kind != null) {
			if (fields.containsKey("policy-rules") && kind != ReviewFlags.Kind.POLICY_FLAG) {
				error(fields.get("policy-rules"), "'policy-rules' only belongs to a policy-flag rule");
			}
			if (!counted) {
				for (String key : List.of("count", "window")) {
					if (fields.containsKey(key)) {
						error(fields.get(key), "'" + key + "' only belongs to a denial-burst or many-persons rule");
					}
				}
			}
			else {
				String countText = text(fields, "count", entry, true);
				if (countText != null) {
					try {
						count = Integer.parseInt(countText);
						if (count < 2 || count > 10_000) {
							error(fields.get("count"), "'count' must be between 2 and 10000");
						}
					}
					catch (NumberFormatException ex) {
						error(fields.get("count"), "'count' must be a whole number, e.g. count: 10");
					}
				}
				window = duration(fields, "window", entry, true, LONGEST_WINDOW);
			}
		}
		if (id == null || kind == null || description == null || due == null
				|| (counted && (count < 2 || window == null))) {
			return Optional.empty();
		}
		return Optional
			.of(new ReviewFlags.Flag(id, kind, description, due, Set.copyOf(policyRules), count, window, line));
	}

	private Duration duration(Map<String, Node> fields, String key, Node owner, boolean required, Duration longest) {
		String text = text(fields, key, owner, required);
		if (text == null) {
			return null;
		}
		try {
			Duration duration = Duration.parse(text);
			if (duration.isNegative() || duration.isZero() || duration.compareTo(longest) > 0) {
				error(fields.get(key), "'" + key + "' " + text + " must be more than zero and at most " + longest);
				return null;
			}
			return duration;
		}
		catch (DateTimeParseException ex) {
			error(fields.get(key), "'" + key + "' " + text + " is not an ISO-8601 duration such as P2D or PT10M");
			return null;
		}
	}

	private Map<String, Node> mapping(Node node, String what, List<String> allowed) {
		return this.yaml.mapping(node, what, allowed).orElse(null);
	}

	private String text(Map<String, Node> fields, String key, Node owner, boolean required) {
		return this.yaml.text(fields, key, owner, required).orElse(null);
	}

	private void error(Node node, String problem) {
		this.yaml.error(node, problem);
	}

	private void error(int line, String problem) {
		this.yaml.error(line, problem);
	}

}
