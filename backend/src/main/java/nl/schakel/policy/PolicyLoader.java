package nl.schakel.policy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import nl.schakel.organisation.Domain;
import nl.schakel.security.Role;

/**
 * Loads {@code roles.yaml}, {@code purposes.yaml} and {@code access-policy.yaml},
 * validates them and compiles them into a {@link Policy}. Validation collects every
 * problem it can find before failing, so the privacy officer fixes a file in one round;
 * each problem names the file and line.
 */
public final class PolicyLoader {

	/** The roles, their domains and labels. */
	public static final String ROLES_FILE = "roles.yaml";

	/** The purposes and their labels. */
	public static final String PURPOSES_FILE = "purposes.yaml";

	/** The version, break-glass settings and rules. */
	public static final String ACCESS_POLICY_FILE = "access-policy.yaml";

	/** The order in which the files are read and hashed into the version. */
	static final List<String> FILES = List.of(ROLES_FILE, PURPOSES_FILE, ACCESS_POLICY_FILE);

	private static final Pattern PURPOSE_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]*");

	// emergency access is for hours, not for a standing back door
	private static final Duration LONGEST_BREAK_GLASS = Duration.ofHours(24);

	private static final int MOST_BREAK_GLASS_OPENINGS = 100;

	private static final Terms<Role> ROLE_TERMS = Terms.of("role", List.of(Role.values()), Role::code);

	private static final Terms<Domain> DOMAIN_TERMS = Terms.upperCase("domain", Domain.values());

	private static final Terms<DataCategory> CATEGORY_TERMS = Terms.upperCase("category", DataCategory.values());

	private static final Terms<EffectiveBasis> BASIS_TERMS = Terms.upperCase("basis", EffectiveBasis.values());

	private static final Terms<AudienceRelation> AUDIENCE_TERMS = Terms.lowerCase("audience",
			AudienceRelation.values());

	private static final Terms<Participation> PARTICIPATION_TERMS = Terms.lowerCase("participation",
			Participation.values());

	private static final Terms<Decision> EFFECT_TERMS = Terms.lowerCase("effect", Decision.values());

	private static final Terms<Obligation> OBLIGATION_TERMS = Terms.lowerCase("obligation", Obligation.values());

	private static final Set<String> LABEL_KEYS = orderedSet("nl", "en");

	private static final Set<String> RULE_KEYS = orderedSet("id", "description", "explanation", "roles", "purposes",
			"categories", "bases", "audience", "participation", "effect", "obligations");

	private final PolicyFiles files;

	/**
	 * @param files where to read the three policy files from
	 */
	public PolicyLoader(PolicyFiles files) {
		this.files = files;
	}

	/**
	 * Reads, validates and compiles the policy.
	 * @return the policy, ready to decide
	 * @throws PolicyValidationException listing every problem as
	 * {@code file:line: problem}
	 */
	public Policy load() {
		List<PolicyError> errors = new ArrayList<>();
		Map<String, byte[]> contents = new LinkedHashMap<>();
		for (String file : FILES) {
			read(file, errors).ifPresent((bytes) -> contents.put(file, bytes));
		}
		List<RoleDefinition> roles = parse(ROLES_FILE, contents, errors).map((root) -> roles(root, errors))
			.orElse(List.of());
		Optional<Node> purposesRoot = parse(PURPOSES_FILE, contents, errors);
		Set<String> declaredPurposes = new LinkedHashSet<>();
		List<PurposeDefinition> purposes = purposesRoot.map((root) -> purposes(root, declaredPurposes, errors))
			.orElse(List.of());
		// without a readable purposes.yaml every purpose in a rule would look unknown:
		// that
		// problem is reported once, for purposes.yaml; a purpose whose label is broken
		// still
		// counts as declared for the same reason
		Optional<Terms<Purpose>> purposeTerms = declaredPurposes.isEmpty() ? Optional.empty()
				: Optional.of(Terms.of("purpose", declaredPurposes.stream().map(Purpose::new).toList(), Purpose::code));
		Optional<AccessPolicyFile> accessPolicy = parse(ACCESS_POLICY_FILE, contents, errors)
			.flatMap((root) -> accessPolicy(root, purposeTerms, errors));
		if (!errors.isEmpty()) {
			// one file's checks run in passes; the privacy officer reads top to bottom
			errors.sort(Comparator.comparingInt((PolicyError error) -> FILES.indexOf(error.file()))
				.thenComparingInt(PolicyError::line));
			throw new PolicyValidationException(errors);
		}
		AccessPolicyFile policy = accessPolicy.orElseThrow();
		return new Policy(new PolicyVersion(policy.version(), digest(contents)), roles, purposes, policy.breakGlass(),
				policy.knownToPurposes(), policy.rules(), policy.bulkReads());
	}

	private Optional<byte[]> read(String file, List<PolicyError> errors) {
		try {
			Optional<byte[]> bytes = this.files.read(file);
			if (bytes.isEmpty()) {
				errors.add(new PolicyError(file, 0, "file not found in " + this.files.describe()));
			}
			return bytes;
		}
		catch (IOException ex) {
			errors.add(new PolicyError(file, 0, "cannot read the file in " + this.files.describe() + ": " + ex));
			return Optional.empty();
		}
	}

	private static Optional<Node> parse(String file, Map<String, byte[]> contents, List<PolicyError> errors) {
		byte[] bytes = contents.get(file);
		return (bytes != null) ? new PolicyYaml(file, errors).parse(bytes) : Optional.empty();
	}

	private static List<RoleDefinition> roles(Node root, List<PolicyError> errors) {
		PolicyYaml yaml = new PolicyYaml(ROLES_FILE, errors);
		List<RoleDefinition> roles = new ArrayList<>();
		Optional<Map<String, Node>> top = yaml.mapping(root, "roles.yaml", Set.of("roles"));
		Optional<SequenceNode> entries = top.flatMap((fields) -> sequence(yaml, fields, "roles", root));
		if (entries.isEmpty()) {
			return roles;
		}
		Map<Role, Integer> seen = new EnumMap<>(Role.class);
		for (Node entry : entries.get().getValue()) {
			yaml.mapping(entry, "a role", orderedSet("code", "domain", "label")).ifPresent((fields) -> {
				Optional<Role> role = yaml.text(fields, "code", entry, true)
					.flatMap((code) -> yaml.term(fields.get("code"), code, ROLE_TERMS));
				Optional<Domain> domain = yaml.text(fields, "domain", entry, false)
					.flatMap((code) -> yaml.term(fields.get("domain"), code, DOMAIN_TERMS));
				Optional<Label> label = label(yaml, fields, entry);
				if (role.isPresent() && seen.containsKey(role.get())) {
					yaml.error(fields.get("code"), "role '" + role.get().code() + "' is described twice (first on line "
							+ seen.get(role.get()) + ")");
					return;
				}
				role.ifPresent((value) -> seen.put(value, PolicyYaml.line(entry)));
				if (role.isPresent() && label.isPresent()) {
					roles.add(new RoleDefinition(role.get(), domain, label.get().nl(), label.get().en()));
				}
			});
		}
		for (Role role : Role.values()) {
			if (!seen.containsKey(role)) {
				yaml.error(entries.get(), "role '" + role.code() + "' is not described; every role needs a label");
			}
		}
		return roles;
	}

	private static List<PurposeDefinition> purposes(Node root, Set<String> declared, List<PolicyError> errors) {
		PolicyYaml yaml = new PolicyYaml(PURPOSES_FILE, errors);
		List<PurposeDefinition> purposes = new ArrayList<>();
		Optional<Map<String, Node>> top = yaml.mapping(root, "purposes.yaml", Set.of("purposes"));
		Optional<SequenceNode> entries = top.flatMap((fields) -> sequence(yaml, fields, "purposes", root));
		if (entries.isEmpty()) {
			return purposes;
		}
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (Node entry : entries.get().getValue()) {
			yaml.mapping(entry, "a purpose", orderedSet("code", "label", "description")).ifPresent((fields) -> {
				Optional<String> code = yaml.text(fields, "code", entry, true).filter((value) -> {
					if (!PURPOSE_CODE.matcher(value).matches()) {
						yaml.error(fields.get("code"), "purpose code '" + value
								+ "' must be capital letters, digits and '_', e.g. CASE_CONSULTATION");
						return false;
					}
					if (seen.containsKey(value)) {
						yaml.error(fields.get("code"),
								"purpose '" + value + "' is described twice (first on line " + seen.get(value) + ")");
						return false;
					}
					seen.put(value, PolicyYaml.line(entry));
					declared.add(value);
					return true;
				});
				Optional<Label> label = label(yaml, fields, entry);
				Optional<String> description = yaml.text(fields, "description", entry, true);
				if (code.isPresent() && label.isPresent() && description.isPresent()) {
					purposes.add(new PurposeDefinition(new Purpose(code.get()), label.get().nl(), label.get().en(),
							description.get()));
				}
			});
		}
		return purposes;
	}

	private static Optional<AccessPolicyFile> accessPolicy(Node root, Optional<Terms<Purpose>> purposeTerms,
			List<PolicyError> errors) {
		PolicyYaml yaml = new PolicyYaml(ACCESS_POLICY_FILE, errors);
		Optional<Map<String, Node>> top = yaml.mapping(root, "access-policy.yaml",
				orderedSet("version", "break-glass", "known-to", "bulk-reads", "rules"));
		if (top.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Node> fields = top.get();
		Optional<String> version = yaml.text(fields, "version", root, true).filter((value) -> {
			boolean valid = VERSION.matcher(value).matches();
			if (!valid) {
				yaml.error(fields.get("version"),
						"version '" + value + "' must be letters, digits, '.', '-' or '_', e.g. \"2026.1\"");
			}
			return valid;
		});
		BreakGlass breakGlass = Optional.ofNullable(fields.get("break-glass"))
			.map((node) -> breakGlass(yaml, node))
			.orElse(BreakGlass.NONE);
		Set<Purpose> knownToPurposes = Optional.ofNullable(fields.get("known-to"))
			.map((node) -> knownTo(yaml, node, purposeTerms))
			.orElse(Set.of());
		BulkReads bulkReads = Optional.ofNullable(fields.get("bulk-reads"))
			.map((node) -> bulkReads(yaml, node))
			.orElse(BulkReads.UNLIMITED);
		List<PolicyRule> rules = new ArrayList<>();
		Map<String, Integer> ids = new LinkedHashMap<>();
		sequence(yaml, fields, "rules", root).ifPresent((entries) -> {
			for (Node entry : entries.getValue()) {
				rule(yaml, entry, purposeTerms, ids).ifPresent(rules::add);
			}
		});
		return version.map((value) -> new AccessPolicyFile(value, breakGlass, knownToPurposes, bulkReads, rules));
	}

	/**
	 * The limit on case reads per professional; a broken section is an error, never "no
	 * limit".
	 */
	private static BulkReads bulkReads(PolicyYaml yaml, Node node) {
		Optional<Map<String, Node>> fields = yaml.mapping(node, "bulk-reads",
				orderedSet("case-reads-per-hour", "burst"));
		if (fields.isEmpty()) {
			return BulkReads.UNLIMITED;
		}
		int perHour = positive(yaml, fields.get(), "case-reads-per-hour", node);
		int burst = positive(yaml, fields.get(), "burst", node);
		return (perHour > 0 && burst > 0) ? new BulkReads(perHour, burst) : BulkReads.UNLIMITED;
	}

	private static int positive(PolicyYaml yaml, Map<String, Node> fields, String key, Node section) {
		return yaml.text(fields, key, section, true).flatMap((text) -> {
			try {
				int parsed = Integer.parseInt(text);
				if (parsed >= 1) {
					return Optional.of(parsed);
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			yaml.error(fields.get(key), "bulk-reads " + key + " '" + text + "' must be a whole number of at least 1");
			return Optional.<Integer>empty();
		}).orElse(0);
	}

	/** The purposes a known-to check may be made for; without this section, none. */
	private static Set<Purpose> knownTo(PolicyYaml yaml, Node node, Optional<Terms<Purpose>> purposeTerms) {
		Optional<Map<String, Node>> fields = yaml.mapping(node, "known-to", orderedSet("purposes"));
		if (fields.isEmpty()) {
			return Set.of();
		}
		if (!fields.get().containsKey("purposes")) {
			yaml.error(node, "missing 'purposes' in known-to; leave known-to out if no purpose allows the check");
			return Set.of();
		}
		List<ScalarNode> entries = yaml.list(fields.get(), "purposes", "TRIAGE, CASE_CONSULTATION");
		return purposeTerms.map((terms) -> yaml.terms(entries, terms)).orElse(Set.of());
	}

	private static BreakGlass breakGlass(PolicyYaml yaml, Node node) {
		Optional<Map<String, Node>> fields = yaml.mapping(node, "break-glass",
				orderedSet("roles", "duration", "max-openings-per-day"));
		if (fields.isEmpty()) {
			return BreakGlass.NONE;
		}
		if (!fields.get().containsKey("roles")) {
			yaml.error(node, "missing 'roles' in break-glass; leave break-glass out if nobody may use it");
		}
		Set<Role> roles = yaml.terms(yaml.list(fields.get(), "roles", "coordinator"), ROLE_TERMS);
		Duration duration = yaml.text(fields.get(), "duration", node, true).flatMap((text) -> {
			Node at = fields.get().get("duration");
			try {
				Duration parsed = Duration.parse(text);
				if (parsed.isNegative() || parsed.isZero() || parsed.compareTo(LONGEST_BREAK_GLASS) > 0) {
					yaml.error(at, "break-glass duration " + text + " must be more than zero and at most PT24H");
					return Optional.empty();
				}
				return Optional.of(parsed);
			}
			catch (DateTimeParseException ex) {
				yaml.error(at, "break-glass duration '" + text + "' is not an ISO-8601 duration such as PT4H");
				return Optional.empty();
			}
		}).orElse(Duration.ZERO);
		int maxOpenings = yaml.text(fields.get(), "max-openings-per-day", node, false).flatMap((text) -> {
			Node at = fields.get().get("max-openings-per-day");
			try {
				int parsed = Integer.parseInt(text);
				if (parsed < 1 || parsed > MOST_BREAK_GLASS_OPENINGS) {
					yaml.error(at, "break-glass max-openings-per-day " + text + " must be from 1 to "
							+ MOST_BREAK_GLASS_OPENINGS);
					return Optional.empty();
				}
				return Optional.of(parsed);
			}
			catch (NumberFormatException ex) {
				yaml.error(at, "break-glass max-openings-per-day '" + text + "' is not a whole number such as 3");
				return Optional.empty();
			}
		}).orElse(BreakGlass.DEFAULT_MAX_OPENINGS_PER_DAY);
		return roles.isEmpty() ? BreakGlass.NONE : new BreakGlass(roles, duration, maxOpenings);
	}

	private static Optional<PolicyRule> rule(PolicyYaml yaml, Node entry, Optional<Terms<Purpose>> purposeTerms,
			Map<String, Integer> ids) {
		Optional<Map<String, Node>> found = yaml.mapping(entry, "a rule", RULE_KEYS);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Node> fields = found.get();
		int line = PolicyYaml.line(entry);
		Optional<String> id = yaml.text(fields, "id", entry, true).filter((value) -> validId(yaml, fields, value, ids));
		id.ifPresent((value) -> ids.put(value, line));
		Optional<String> description = yaml.text(fields, "description", entry, true);
		// the words a professional reads on asking why an item is withheld; optional in
		// the
		// format (a rule may be explained by its description), but when given both
		// languages
		Optional<Label> explanation = fields.containsKey("explanation") ? explanation(yaml, fields.get("explanation"))
				: Optional.empty();
		boolean explanationBroken = fields.containsKey("explanation") && explanation.isEmpty();
		Set<Role> roles = yaml.terms(yaml.list(fields, "roles", "care-professional"), ROLE_TERMS);
		List<ScalarNode> purposeEntries = yaml.list(fields, "purposes", "CASE_CONSULTATION");
		Set<Purpose> purposes = purposeTerms.map((terms) -> yaml.terms(purposeEntries, terms)).orElse(Set.of());
		Set<DataCategory> categories = yaml.terms(yaml.list(fields, "categories", "HEALTH"), CATEGORY_TERMS);
		Set<EffectiveBasis> bases = yaml.terms(yaml.list(fields, "bases", "CONSENT"), BASIS_TERMS);
		Set<AudienceRelation> audience = yaml.terms(yaml.list(fields, "audience", "in-audience"), AUDIENCE_TERMS);
		Set<Participation> participation = yaml.terms(yaml.list(fields, "participation", "participant"),
				PARTICIPATION_TERMS);
		Optional<Decision> effect = yaml.text(fields, "effect", entry, true)
			.flatMap((value) -> yaml.term(fields.get("effect"), value, EFFECT_TERMS));
		Set<Obligation> obligations = yaml.terms(yaml.list(fields, "obligations", "flag-for-review"), OBLIGATION_TERMS);
		if (id.isEmpty() || description.isEmpty() || effect.isEmpty() || explanationBroken) {
			return Optional.empty();
		}
		return Optional.of(new PolicyRule(id.get(), description.get(), roles, purposes, categories, bases, audience,
				participation, effect.get(), obligations, line, explanation.map(Label::nl).orElse(null),
				explanation.map(Label::en).orElse(null)));
	}

	private static Optional<Label> explanation(PolicyYaml yaml, Node node) {
		return yaml.mapping(node, "explanation", LABEL_KEYS).flatMap((label) -> {
			Optional<String> nl = yaml.text(label, "nl", node, true);
			Optional<String> en = yaml.text(label, "en", node, true);
			return (nl.isPresent() && en.isPresent()) ? Optional.of(new Label(nl.get(), en.get())) : Optional.empty();
		});
	}

	private static boolean validId(PolicyYaml yaml, Map<String, Node> fields, String id, Map<String, Integer> ids) {
		Node at = fields.get("id");
		if (!RULE_ID.matcher(id).matches()) {
			yaml.error(at, "rule id '" + id + "' must be lower-case words joined by '-', e.g. health-with-consent");
			return false;
		}
		if (id.equals(Policy.DEFAULT_DENY_RULE_ID) || id.equals(Policy.UNKNOWN_PURPOSE_RULE_ID)) {
			yaml.error(at, "rule id '" + id + "' is reserved for the policy's own decisions");
			return false;
		}
		if (ids.containsKey(id)) {
			yaml.error(at, "duplicate rule id '" + id + "' (first used on line " + ids.get(id) + ")");
			return false;
		}
		return true;
	}

	private static Optional<Label> label(PolicyYaml yaml, Map<String, Node> fields, Node owner) {
		Node node = fields.get("label");
		if (node == null) {
			yaml.error(owner, "missing 'label' (with nl: and en:)");
			return Optional.empty();
		}
		return yaml.mapping(node, "label", LABEL_KEYS).flatMap((label) -> {
			Optional<String> nl = yaml.text(label, "nl", node, true);
			Optional<String> en = yaml.text(label, "en", node, true);
			return (nl.isPresent() && en.isPresent()) ? Optional.of(new Label(nl.get(), en.get())) : Optional.empty();
		});
	}

	private static Optional<SequenceNode> sequence(PolicyYaml yaml, Map<String, Node> fields, String key, Node owner) {
		Node node = fields.get(key);
		if (node == null) {
			yaml.error(owner, "missing '" + key + "'");
			return Optional.empty();
		}
		if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			yaml.error(node, "'" + key + "' must be a non-empty list of entries starting with '- '");
			return Optional.empty();
		}
		return Optional.of(sequence);
	}

	/**
	 * SHA-256 over each file's name, length and raw bytes in {@link #FILES} order;
	 * framing each file keeps two different sets of files from hashing alike.
	 */
	static String digest(Map<String, byte[]> contents) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			for (String file : FILES) {
				byte[] bytes = contents.get(file);
				sha256.update(file.getBytes(StandardCharsets.UTF_8));
				sha256.update((byte) 0);
				sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
				sha256.update(bytes);
			}
			return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static Set<String> orderedSet(String... values) {
		return new LinkedHashSet<>(List.of(values));
	}

	private record Label(String nl, String en) {
	}

	private record AccessPolicyFile(String version, BreakGlass breakGlass, Set<Purpose> knownToPurposes,
			BulkReads bulkReads, List<PolicyRule> rules) {
	}

}
