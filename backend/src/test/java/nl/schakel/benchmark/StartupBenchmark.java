package nl.schakel.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.schakel.SchakelApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long the embedded default takes to start: start-up of the embedded default (local
 * profile) until {@link ApplicationReadyEvent}, timed from just before
 * {@code SpringApplication.run}. Without arguments it runs the series: for each repeat, a
 * child JVM on a fresh data directory (initdb, Flyway, key generation, demo seed), then a
 * child JVM on that now warm directory — each start in its own JVM, so class loading and
 * JIT are paid as a user pays them. With {@code once
 *
<dir>
 * } it is that child: one start, prints the figure, exits.
 */
public final class StartupBenchmark {

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("once")) {
			once(Path.of(args[1]));
			return;
		}
		int repeats = Integer.getInteger("bench.repeats", 3);
		List<Double> fresh = new ArrayList<>();
		List<Double> warm = new ArrayList<>();
		for (int r = 0; r < repeats; r++) {
			Path dir = Files.createTempDirectory("schakel-startup");
			fresh.add(child(dir));
			warm.add(child(dir));
			System.out.printf(Locale.ROOT, "[startup] run %d: fresh %.2f s, warm %.2f s%n", r + 1, fresh.get(r),
					warm.get(r));
		}
		System.out.println("[startup] fresh data dir: "
				+ BenchSupport.spread(fresh.stream().mapToDouble(Double::doubleValue).toArray(), "%.2f") + " s");
		System.out.println("[startup] warm data dir:  "
				+ BenchSupport.spread(warm.stream().mapToDouble(Double::doubleValue).toArray(), "%.2f") + " s");
	}

	private static double child(Path dir) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
				StartupBenchmark.class.getName(), "once", dir.toString())
			.redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes());
		process.waitFor();
		for (String line : out.split("\n")) {
			if (line.startsWith("READY_SECONDS=")) {
				return Double.parseDouble(line.substring("READY_SECONDS=".length()).trim());
			}
		}
		System.out.println(out);
		throw new IllegalStateException("child did not report a start-up time");
	}

	private static void once(Path dir) {
		long[] ready = new long[1];
		long start = System.nanoTime();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(SchakelApplication.class).profiles("local")
			.listeners((ApplicationListener<ApplicationReadyEvent>) (event) -> ready[0] = System.nanoTime())
			.run("--server.port=0", "--schakel.database.embedded.directory=" + dir.resolve("postgres"),
					"--schakel.crypto.keyset-directory=" + dir.resolve("keys"), "--logging.level.root=WARN");
		System.out.printf(Locale.ROOT, "READY_SECONDS=%.3f%n", (ready[0] - start) / 1e9);
		app.close();
		System.exit(0);
	}

}
