package nl.schakel.benchmark;

import java.util.Arrays;
import java.util.Locale;

/** Small statistics helpers shared by the benchmark programs. */
final class BenchSupport {

	private BenchSupport() {
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	static double min(double[] values) {
		return Arrays.stream(values).min().orElse(Double.NaN);
	}

	static double max(double[] values) {
		return Arrays.stream(values).max().orElse(Double.NaN);
	}

	/** "median (min–max)" */
	static String spread(double[] values, String format) {
		return String.format(Locale.ROOT, format + " (%s–%s, n=%d)", median(values),
				String.format(Locale.ROOT, format, min(values)), String.format(Locale.ROOT, format, max(values)),
				values.length);
	}

	/** The p-th percentile (0–100) of sorted nanosecond latencies, in milliseconds. */
	static double percentileMs(long[] sortedNanos, double p) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
		return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
	}

}
