package nl.schakel.benchmark;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH micro-benchmarks (policy decision and field encryption):
 * {@link PolicyDecisionBenchmark} and {@link FieldCipherBenchmark}; three forks of five
 * one-second iterations each, so the printed figure is a mean with its 99.9% error over
 * 15 iterations, and the JSON at {@code target/jmh-result.json} holds every iteration
 * (for medians). An optional argument is a regular expression selecting benchmarks. On a
 * shared machine {@code -Dbench.forks}, {@code -Dbench.iterations} and
 * {@code -Dbench.warmupIterations} shorten the run.
 */
public final class MicroBenchmarks {

	private MicroBenchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String include = (args.length > 0) ? args[0]
				: "nl\\.schakel\\.benchmark\\.(PolicyDecision|FieldCipher)Benchmark";
		ChainedOptionsBuilder options = new OptionsBuilder().include(include)
			.resultFormat(ResultFormatType.JSON)
			.result(System.getProperty("bench.result", "backend/target/jmh-result.json"));
		if (Integer.getInteger("bench.forks") != null) {
			options.forks(Integer.getInteger("bench.forks"));
		}
		if (Integer.getInteger("bench.iterations") != null) {
			options.measurementIterations(Integer.getInteger("bench.iterations"));
		}
		if (Integer.getInteger("bench.warmupIterations") != null) {
			options.warmupIterations(Integer.getInteger("bench.warmupIterations"));
		}
		new Runner(options.build()).run();
	}

}
