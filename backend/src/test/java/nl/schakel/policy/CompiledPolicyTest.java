package nl.schakel.policy;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import nl.schakel.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The compiled lookup table must give exactly the decisions a plain top-to-bottom reading
 * of the rules gives, for every possible request.
 */
class CompiledPolicyTest {

	@Test
	void compiledTableEqualsFirstMatchScanForEveryRequestOfTheShippedPolicy() {
		assertTableEqualsScan(TestPolicies.defaultPolicy());
	}

	@Test
	void compiledTableEqualsFirstMatchScanForEveryRequestOfRandomPolicies() {
		Random random = new Random(20260101L);
		List<PurposeDefinition> purposes = List.of(purpose("TRIAGE"), purpose("CASE_CONSULTATION"),
				purpose("MONITORING"));
		for (int round = 0; round < 150; round++) {
			List<PolicyRule> rules = new ArrayList<>();
			int count = random.nextInt(12);
			for (int i = 0; i < count; i++) {
				rules.add(randomRule("rule-" + i, random, purposes));
			}
			BreakGlass breakGlass = random.nextBoolean() ? BreakGlass.NONE
					: new BreakGlass(randomSubset(Role.values(), random), Duration.ofHours(1));
			Policy policy = new Policy(new PolicyVersion("random", Integer.toString(round)), List.of(), purposes,
					breakGlass, rules);
			assertTableEqualsScan(policy);
		}
	}

	@Test
	void unmatchedRequestIsDeniedByDefault() {
		Policy policy = new PolicyLoader(TestPolicies.withAccessPolicy(TestPolicies.ACCESS_POLICY)).load();
		Purpose triage = policy.purpose("TRIAGE").orElseThrow();

		PolicyDecision decision = policy.decide(new AccessRequest(Role.COORDINATOR, triage, DataCategory.GENERAL,
				EffectiveBasis.STATUTORY, AudienceRelation.AUTHOR_ORGANISATION, Participation.PARTICIPANT));

		assertThat(decision.effect()).isEqualTo(Decision.DENY);
		assertThat(decision.ruleId()).isEqualTo(Policy.DEFAULT_DENY_RULE_ID);
		assertThat(decision.obligations()).containsExactly(Obligation.RECORD);
		assertThat(decision.version()).isEqualTo(policy.version());
	}

	@Test
	void aPurposeThePolicyDoesNotKnowIsDenied() {
		Policy policy = TestPolicies.defaultPolicy();

		PolicyDecision decision = policy
			.decide(new AccessRequest(Role.COORDINATOR, new Purpose("CURIOSITY"), DataCategory.GENERAL,
					EffectiveBasis.STATUTORY, AudienceRelation.AUTHOR_ORGANISATION, Participation.PARTICIPANT));

		assertThat(decision.effect()).isEqualTo(Decision.DENY);
		assertThat(decision.ruleId()).isEqualTo(Policy.UNKNOWN_PURPOSE_RULE_ID);
		assertThat(policy.purpose("CURIOSITY")).isEmpty();
	}

	@Test
	void decidingReturnsPreallocatedDecisionsWithoutAllocating() {
		Policy policy = TestPolicies.defaultPolicy();
		List<AccessRequest> requests = new ArrayList<>();
		forEveryRequest(policy, requests::add);
		PolicyDecision[] results = new PolicyDecision[requests.size()];
		AccessRequest[] input = requests.toArray(AccessRequest[]::new);
		decideAll(policy, input, results);
		if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
				|| !threads.isThreadAllocatedMemorySupported()) {
			return;
		}
		long threadId = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(threadId);
		for (int i = 0; i < 20; i++) {
			decideAll(policy, input, results);
		}
		long allocated = threads.getThreadAllocatedBytes(threadId) - before;
		// 20 x ~10,000 decisions: a single allocation per decision would be megabytes
		assertThat(allocated).isLessThan(64 * 1024);
		assertThat(results[0]).isSameAs(policy.decide(input[0]));
	}

	private static void decideAll(Policy policy, AccessRequest[] input, PolicyDecision[] results) {
		for (int i = 0; i < input.length; i++) {
			results[i] = policy.decide(input[i]);
		}
	}

	private static void assertTableEqualsScan(Policy policy) {
		int[] checked = { 0 };
		forEveryRequest(policy, (request) -> {
			PolicyDecision compiled = policy.decide(request);
			PolicyDecision scanned = policy.decideByScanning(request);
			if (compiled != scanned) {
				fail("For %s the table says %s but the rules say %s", request, compiled.ruleId(), scanned.ruleId());
			}
			checked[0]++;
		});
		assertThat(checked[0]).isEqualTo(Role.values().length * policy.purposes().size() * DataCategory.values().length
				* EffectiveBasis.values().length * AudienceRelation.values().length * Participation.values().length);
	}

	private static void forEveryRequest(Policy policy, Consumer<AccessRequest> action) {
		for (Role role : Role.values()) {
			for (PurposeDefinition purpose : policy.purposes()) {
				for (DataCategory category : DataCategory.values()) {
					for (EffectiveBasis basis : EffectiveBasis.values()) {
						for (AudienceRelation audience : AudienceRelation.values()) {
							for (Participation participation : Participation.values()) {
								action.accept(new AccessRequest(role, purpose.purpose(), category, basis, audience,
										participation));
							}
						}
					}
				}
			}
		}
	}

	private static PolicyRule randomRule(String id, Random random, List<PurposeDefinition> purposes) {
		Set<Purpose> purposeSet = new LinkedHashSet<>();
		if (random.nextBoolean()) {
			for (PurposeDefinition purpose : purposes) {
				if (random.nextInt(3) == 0) {
					purposeSet.add(purpose.purpose());
				}
			}
		}
		return new PolicyRule(id, id, randomSubset(Role.values(), random), purposeSet,
				randomSubset(DataCategory.values(), random), randomSubset(EffectiveBasis.values(), random),
				randomSubset(AudienceRelation.values(), random), randomSubset(Participation.values(), random),
				Decision.values()[random.nextInt(Decision.values().length)],
				random.nextBoolean() ? Set.of(Obligation.FLAG_FOR_REVIEW) : Set.of(), 1);
	}

	/** Often "any" (empty), otherwise a random non-empty subset. */
	private static <E extends Enum<E>> Set<E> randomSubset(E[] values, Random random) {
		if (random.nextInt(3) == 0) {
			return Set.of();
		}
		Set<E> subset = EnumSet.noneOf(values[0].getDeclaringClass());
		for (E value : values) {
			if (random.nextInt(3) == 0) {
				subset.add(value);
			}
		}
		if (subset.isEmpty()) {
			subset.add(values[random.nextInt(values.length)]);
		}
		return subset;
	}

	private static PurposeDefinition purpose(String code) {
		return new PurposeDefinition(new Purpose(code), code, code, code);
	}

}
