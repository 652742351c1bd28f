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
import nl.schakel.policy.EffectiveBasis;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyDecision;
import nl.schakel.policy.PolicyFiles;
import nl.schakel.policy.PolicyLoader;
import nl.schakel.policy.PurposeDefinition;
import nl.schakel.security.Role;
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
 * How long {@link Policy#decide} takes with the shipped policy
 * ({@code ./policies}), cycling through every possible request in a shuffled order so neither
 * the JIT nor the branch predictor sees a constant. {@code decideByScanning} (the
 * package-private reference reading that scans the rules, called reflectively here) shows
 * what compiling the policy buys. Run through {@link MicroBenchmarks}.
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
