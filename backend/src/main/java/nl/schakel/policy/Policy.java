package nl.schakel.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import nl.schakel.security.Role;

/**
 * A loaded, validated access policy: the single answer to "may this reader see this item,
 * for this purpose?". Immutable and safe to share between threads.
 *
 * <p>
 * Rules are read in order and the first rule that matches decides; when none matches, the
 * answer is {@link Decision#DENY} by rule {@value #DEFAULT_DENY_RULE_ID}. At load time
 * the rules are compiled into a table with one precomputed decision for every combination
 * of role, purpose, category, basis, audience relation and participation, so
 * {@link #decide(AccessRequest)} is a single array lookup that allocates nothing.
 *
 * <p>
 * A {@link Participation#BREAK_GLASS} request by a role that the policy's
 * {@code break-glass} section does not name is judged as
 * {@link Participation#NOT_PARTICIPANT}: the policy file, not the caller, says who may
 * break the glass.
 *
 * @see PolicyLoader
 */
public final class Policy {

	/** The rule id of the decision when no rule matches. */
	public static final String DEFAULT_DENY_RULE_ID = "default-deny";

	/**
	 * The rule id of the decision when the request names a purpose the policy does not
	 * know.
	 */
	public static final String UNKNOWN_PURPOSE_RULE_ID = "unknown-purpose";

	private static final Role[] ROLES = Role.values();

	private static final DataCategory[] CATEGORIES = DataCategory.values();

	private static final EffectiveBasis[] BASES = EffectiveBasis.values();

	private static final AudienceRelation[] AUDIENCES = AudienceRelation.values();

	private static final Participation[] PARTICIPATIONS = Participation.values();

	private final PolicyVersion version;

	private final List<RoleDefinition> roles;

	private final List<PurposeDefinition> purposes;

	private final BreakGlass breakGlass;

	private final Set<Purpose> knownToPurposes;

	private final BulkReads bulkReads;

	private final List<PolicyRule> rules;

	private final Map<String, Integer> purposeIndex;

	private final Purpose[] purposeByIndex;

	/** One preallocated decision per rule, in rule order. */
	private final PolicyDecision[] ruleDecisions;

	private final PolicyDecision defaultDeny;

	private final PolicyDecision unknownPurpose;

	/**
	 * Indexed by {@link #index}; the strides below are the sizes of the inner dimensions.
	 */
	private final PolicyDecision[] table;

	private final int purposeStride;

	private final int roleStride;

	private final List<PolicyRule> unreachableRules;

	Policy(PolicyVersion version, List<RoleDefinition> roles, List<PurposeDefinition> purposes, BreakGlass breakGlass,
			List<PolicyRule> rules) {
		this(version, roles, purposes, breakGlass, Set.of(), rules);
	}

	Policy(PolicyVersion version, List<RoleDefinition> roles, List<PurposeDefinition> purposes, BreakGlass breakGlass,
			Set<Purpose> knownToPurposes, List<PolicyRule> rules) {
		this(version, roles, purposes, breakGlass, knownToPurposes, rules, BulkReads.UNLIMITED);
	}

	Policy(PolicyVersion version, List<RoleDefinition> roles, List<PurposeDefinition> purposes, BreakGlass breakGlass,
			Set<Purpose> knownToPurposes, List<PolicyRule> rules, BulkReads bulkReads) {
		this.version = version;
		this.bulkReads = bulkReads;
		this.roles = List.copyOf(roles);
		this.purposes = List.copyOf(purposes);
		this.breakGlass = breakGlass;
		this.knownToPurposes = Set.copyOf(knownToPurposes);
		this.rules = List.copyOf(rules);
		Map<String, Integer> purposeIndex = new HashMap<>();
		this.purposeByIndex = new Purpose[purposes.size()];
		for (int i = 0; i < purposes.size(); i++) {
			Purpose purpose = purposes.get(i).purpose();
			purposeIndex.put(purpose.code(), i);
			this.purposeByIndex[i] = purpose;
		}
		this.purposeIndex = Map.copyOf(purposeIndex);
		this.ruleDecisions = new PolicyDecision[this.rules.size()];
		for (int i = 0; i < this.rules.size(); i++) {
			PolicyRule rule = this.rules.get(i);
			this.ruleDecisions[i] = new PolicyDecision(rule.effect(), rule.id(), rule.obligations(), version,
					rule.description());
		}
		this.defaultDeny = new PolicyDecision(Decision.DENY, DEFAULT_DENY_RULE_ID, Set.of(), version,
				"No rule of the access policy allows this, so nothing is shown (deny by default).");
		this.unknownPurpose = new PolicyDecision(Decision.DENY, UNKNOWN_PURPOSE_RULE_ID, Set.of(), version,
				"The purpose named is not a purpose of this access policy, so nothing is shown.");
		this.roleStride = purposes.size() * CATEGORIES.length * BASES.length * AUDIENCES.length * PARTICIPATIONS.length;
		this.purposeStride = CATEGORIES.length * BASES.length * AUDIENCES.length * PARTICIPATIONS.length;
		this.table = compile();
		this.unreachableRules = findUnreachableRules();
	}

	/**
	 * Decides whether the reader may see the item. Constant time and allocation-free.
	 * @param request what the gate knows about reader, case and item
	 * @return the preallocated decision of the first matching rule, or the default deny
	 */
	public PolicyDecision decide(AccessRequest request) {
		Integer purpose = this.purposeIndex.get(request.purpose().code());
		if (purpose == null) {
			// fail closed, and still yield a decision the gate can record
			return this.unknownPurpose;
		}
		return this.table[index(request.role().ordinal(), purpose, request.category().ordinal(),
				request.basis().ordinal(), request.audience().ordinal(), request.participation().ordinal())];
	}

	/**
	 * The reference reading of the policy: scan the rules in order. {@link #decide} must
	 * agree with it for every request; tests hold that.
	 */
	PolicyDecision decideByScanning(AccessRequest request) {
		if (!this.purposeIndex.containsKey(request.purpose().code())) {
			return this.unknownPurpose;
		}
		AccessRequest effective = request;
		if (request.participation() == Participation.BREAK_GLASS && !this.breakGlass.allows(request.role())) {
			effective = new AccessRequest(request.role(), request.purpose(), request.category(), request.basis(),
					request.audience(), Participation.NOT_PARTICIPANT);
		}
		for (int i = 0; i < this.rules.size(); i++) {
			if (this.rules.get(i).matches(effective)) {
				return this.ruleDecisions[i];
			}
		}
		return this.defaultDeny;
	}

	/** The version to log with every decision. */
	public PolicyVersion version() {
		return this.version;
	}

	/**
	 * The purpose with this exact code, if the policy knows it; use it to validate the
	 * purpose a request names (e.g. the {@code X-Purpose} header). Unlike the policy
	 * files, this is strict about spelling: codes in requests come from programs, not
	 * people.
	 */
	public Optional<Purpose> purpose(String code) {
		Integer index = (code != null) ? this.purposeIndex.get(code) : null;
		return (index != null) ? Optional.of(this.purposeByIndex[index]) : Optional.empty();
	}

	/** All purposes with their labels, in the order of {@code purposes.yaml}. */
	public List<PurposeDefinition> purposes() {
		return this.purposes;
	}

	/** All roles with their domains and labels, in the order of {@code roles.yaml}. */
	public List<RoleDefinition> roles() {
		return this.roles;
	}

	/** The description of one role; every {@link Role} has one. */
	public RoleDefinition role(Role role) {
		return this.roles.stream()
			.filter((definition) -> definition.role() == role)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("roles.yaml does not describe " + role));
	}

	/** Who may use emergency access and for how long. */
	public BreakGlass breakGlass() {
		return this.breakGlass;
	}

	/** How many case reads one professional may make in an hour, and at once. */
	public BulkReads bulkReads() {
		return this.bulkReads;
	}

	/**
	 * The casework purposes a known-to check may be made for; any other purpose is
	 * refused.
	 */
	public Set<Purpose> knownToPurposes() {
		return this.knownToPurposes;
	}

	/** Whether a known-to check may be made for this purpose. */
	public boolean allowsKnownTo(Purpose purpose) {
		return purpose != null && this.knownToPurposes.contains(purpose);
	}

	/** The rules in the order they are tried. */
	public List<PolicyRule> rules() {
		return this.rules;
	}

	/**
	 * Rules that decide nothing because earlier rules match every request they would
	 * match. Not an error (a rule may be kept for clarity), but worth a warning at
	 * start-up.
	 */
	public List<PolicyRule> unreachableRules() {
		return this.unreachableRules;
	}

	private int index(int role, int purpose, int category, int basis, int audience, int participation) {
		return role * this.roleStride + purpose * this.purposeStride
				+ ((category * BASES.length + basis) * AUDIENCES.length + audience) * PARTICIPATIONS.length
				+ participation;
	}

	/**
	 * Paints the rules into the table from last to first, so that an earlier rule
	 * overwrites a later one wherever both match: the same outcome as first-match,
	 * computed without scanning (and so an independent check on
	 * {@link #decideByScanning}).
	 */
	private PolicyDecision[] compile() {
		PolicyDecision[] table = new PolicyDecision[ROLES.length * this.roleStride];
		Arrays.fill(table, this.defaultDeny);
		for (int i = this.rules.size() - 1; i >= 0; i--) {
			PolicyRule rule = this.rules.get(i);
			PolicyDecision decision = this.ruleDecisions[i];
			int[] roles = ordinals(rule.roles(), ROLES.length, Enum::ordinal);
			int[] purposes = ordinals(rule.purposes(), this.purposeByIndex.length,
					(purpose) -> this.purposeIndex.get(purpose.code()));
			int[] categories = ordinals(rule.categories(), CATEGORIES.length, Enum::ordinal);
			int[] bases = ordinals(rule.bases(), BASES.length, Enum::ordinal);
			int[] audiences = ordinals(rule.audience(), AUDIENCES.length, Enum::ordinal);
			int[] participations = ordinals(rule.participation(), PARTICIPATIONS.length, Enum::ordinal);
			for (int role : roles) {
				for (int purpose : purposes) {
					for (int category : categories) {
						for (int basis : bases) {
							for (int audience : audiences) {
								for (int participation : participations) {
									table[index(role, purpose, category, basis, audience, participation)] = decision;
								}
							}
						}
					}
				}
			}
		}
		int breakGlass = Participation.BREAK_GLASS.ordinal();
		int notParticipant = Participation.NOT_PARTICIPANT.ordinal();
		for (Role role : ROLES) {
			if (this.breakGlass.allows(role)) {
				continue;
			}
			for (int purpose = 0; purpose < this.purposeByIndex.length; purpose++) {
				for (int category = 0; category < CATEGORIES.length; category++) {
					for (int basis = 0; basis < BASES.length; basis++) {
						for (int audience = 0; audience < AUDIENCES.length; audience++) {
							table[index(role.ordinal(), purpose, category, basis, audience, breakGlass)] = table[index(
									role.ordinal(), purpose, category, basis, audience, notParticipant)];
						}
					}
				}
			}
		}
		return table;
	}

	private static <T> int[] ordinals(Set<T> values, int size, ToIntFunction<T> ordinal) {
		if (values.isEmpty()) {
			int[] all = new int[size];
			for (int i = 0; i < size; i++) {
				all[i] = i;
			}
			return all;
		}
		return values.stream().mapToInt(ordinal).toArray();
	}

	private List<PolicyRule> findUnreachableRules() {
		Map<PolicyDecision, Boolean> used = new IdentityHashMap<>();
		for (PolicyDecision decision : this.table) {
			used.put(decision, Boolean.TRUE);
		}
		List<PolicyRule> unreachable = new ArrayList<>();
		for (int i = 0; i < this.ruleDecisions.length; i++) {
			if (!used.containsKey(this.ruleDecisions[i])) {
				unreachable.add(this.rules.get(i));
			}
		}
		return Collections.unmodifiableList(unreachable);
	}

	@Override
	public String toString() {
		return "Policy[version=" + this.version + ", rules=" + this.rules.size() + "]";
	}

}
