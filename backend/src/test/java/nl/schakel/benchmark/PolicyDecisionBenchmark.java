package nl.schakel.benchmark;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import nl.schakel.policy.AccessRequest;
import nl.schakel.policy.AudienceRelation;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;
import nl.schakel.policy.EffectiveBasis;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyDecision;
import nl.schakel.policy.PolicyFiles;
import nl.schakel.policy.PolicyLoader;
import nl.schakel.policy.PolicyRule;
import nl.schakel.policy.PurposeDefinition;
import nl.schakel.security.Role;
import org.casbin.jcasbin.main.EnforceResult;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long {@link Policy#decide} takes with the shipped policy ({@code ./policies}),
 * cycling through every possible request in a shuffled order so neither the JIT nor the
 * branch predictor sees a constant. {@code decideByScanning} (the package-private
 * reference reading that scans the rules, called reflectively here) shows what compiling
 * the policy buys. {@code decideWithCasbin} answers the same requests with a peer engine,
 * jCasbin, holding the same rules in their order (first match decides, default deny; each
 * rule's value lists as anchored regular expressions, the idiomatic way to say "one of
 * these" in a Casbin matcher); the set-up checks that it reaches our decision on every
 * request before anything is measured. Casbin gets its request as ready-made strings,
 * with the break-glass rule (a role that may not break the glass reads as a
 * non-participant) already applied, so its figure holds no work of ours. Run through
 * {@link MicroBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class PolicyDecisionBenchmark {

	private Policy policy;

	private AccessRequest[] requests;

	private Method scanning;

	private Enforcer casbin;

	private Object[][] casbinRequests;

	private int next;

	@Setup
	public void load() throws Exception {
		this.policy = new PolicyLoader(PolicyFiles.directory(policiesDirectory())).load();
		List<AccessRequest> all = new ArrayList<>();
		for (Role role : Role.values()) {
			for (PurposeDefinition purpose : this.policy.purposes()) {
				for (DataCategory category : DataCategory.values()) {
					for (EffectiveBasis basis : EffectiveBasis.values()) {
						for (AudienceRelation audience : AudienceRelation.values()) {
							for (Participation participation : Participation.values()) {
								all.add(new AccessRequest(role, purpose.purpose(), category, basis, audience,
										participation));
							}
						}
					}
				}
			}
		}
		Collections.shuffle(all, new Random(1));
		this.requests = all.toArray(AccessRequest[]::new);
		this.scanning = Policy.class.getDeclaredMethod("decideByScanning", AccessRequest.class);
		this.scanning.setAccessible(true);
		this.casbin = casbin(this.policy);
		this.casbinRequests = new Object[this.requests.length][];
		for (int i = 0; i < this.requests.length; i++) {
			AccessRequest request = this.requests[i];
			boolean breakGlass = request.participation() == Participation.BREAK_GLASS
					&& !this.policy.breakGlass().allows(request.role());
			this.casbinRequests[i] = new Object[] { request.role().name(), request.purpose().code(),
					request.category().name(), request.basis().name(), request.audience().name(),
					(breakGlass ? Participation.NOT_PARTICIPANT : request.participation()).name() };
			Decision ours = this.policy.decide(request).effect();
			Decision theirs = casbinDecision(this.casbin.enforceEx(this.casbinRequests[i]));
			if (ours != theirs) {
				throw new IllegalStateException(
						"Casbin decides " + theirs + " where the policy decides " + ours + " for " + request);
			}
		}
	}

	/**
	 * The policy's rules as Casbin policy lines in their order: the first that matches
	 * decides.
	 */
	static Enforcer casbin(Policy policy) {
		Model model = Model.newModelFromString("""
				[request_definition]
				r = role, purpose, category, basis, audience, participation

				[policy_definition]
				p = priority, role, purpose, category, basis, audience, participation, decision, eft

				[policy_effect]
				e = priority(p.eft) || deny

				[matchers]
				m = regexMatch(r.role, p.role) && regexMatch(r.purpose, p.purpose) \
				  && regexMatch(r.category, p.category) && regexMatch(r.basis, p.basis) \
				  && regexMatch(r.audience, p.audience) && regexMatch(r.participation, p.participation)
				""");
		Enforcer enforcer = new Enforcer(model);
		// Casbin logs every request and the line that decided it by default; a service
		// would not
		enforcer.enableLog(false);
		List<PolicyRule> rules = policy.rules();
		for (int i = 0; i < rules.size(); i++) {
			PolicyRule rule = rules.get(i);
			enforcer.addPolicy(String.valueOf(i + 1), anyOf(rule.roles().stream().map(Enum::name).toList()),
					anyOf(rule.purposes().stream().map((p) -> p.code()).toList()),
					anyOf(rule.categories().stream().map(Enum::name).toList()),
					anyOf(rule.bases().stream().map(Enum::name).toList()),
					anyOf(rule.audience().stream().map(Enum::name).toList()),
					anyOf(rule.participation().stream().map(Enum::name).toList()), rule.effect().name(),
					(rule.effect() == Decision.DENY) ? "deny" : "allow");
		}
		return enforcer;
	}

	private static String anyOf(List<String> values) {
		return values.isEmpty() ? ".*" : "^(" + String.join("|", values) + ")$";
	}

	/**
	 * The matched line's decision (the line names it: Casbin itself knows only allow and
	 * deny).
	 */
	static Decision casbinDecision(EnforceResult result) {
		List<String> line = result.getExplain();
		return (line == null || line.isEmpty()) ? Decision.DENY : Decision.valueOf(line.get(7));
	}

	@Benchmark
	public PolicyDecision decide() {
		AccessRequest request = this.requests[this.next];
		this.next = (this.next + 1 == this.requests.length) ? 0 : this.next + 1;
		return this.policy.decide(request);
	}

	@Benchmark
	public Object decideByScanning() throws Exception {
		AccessRequest request = this.requests[this.next];
		this.next = (this.next + 1 == this.requests.length) ? 0 : this.next + 1;
		return this.scanning.invoke(this.policy, request);
	}

	@Benchmark
	public Decision decideWithCasbin() {
		Object[] request = this.casbinRequests[this.next];
		this.next = (this.next + 1 == this.casbinRequests.length) ? 0 : this.next + 1;
		return casbinDecision(this.casbin.enforceEx(request));
	}

	/** {@code ./policies} of the project root, also when run from {@code backend/}. */
	static Path policiesDirectory() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("policies");
			if (candidate.resolve(PolicyLoader.ACCESS_POLICY_FILE).toFile().isFile()) {
				return candidate;
			}
		}
		throw new IllegalStateException("No policies/ folder above " + Path.of("").toAbsolutePath());
	}

}
