package nl.schakel.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.SplittableRandom;

import nl.schakel.policy.PolicyError;
import nl.schakel.policy.PolicyFiles;
import nl.schakel.policy.PolicyLoader;
import nl.schakel.policy.PolicyValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random mutations of the real {@code policies/*.yaml}: the loader either loads the
 * result or throws a {@link PolicyValidationException} whose every problem names a policy
 * file (and a line where there is one) — never any other exception. 10,000 mutated policy
 * sets from a fixed seed ({@code -Dreliability.seed} to vary it), so a failure is
 * reproducible.
 */
class PolicyLoaderPropertiesTest {

	private static final List<String> FILES = List.of(PolicyLoader.ROLES_FILE, PolicyLoader.PURPOSES_FILE,
			PolicyLoader.ACCESS_POLICY_FILE);

	private static final Map<String, List<String>> ORIGINALS = originals();

	private static final List<String> FRAGMENTS = List.of("", " ", "\t", ":", "- ", "[", "]", "{", "}", "'", "\"", "&a",
			"*a", "!!int", "!!binary", "? ", "|", ">", "#", "%YAML 1.2", "---", "...", "null", "~", "true", "permit",
			"deny", "existence-only", "police", "TRIAGE", "HEALTH", "NONE", "-1", "999999999999", "PT4H", "P-1D",
			"\u0000", "\uFFFF", "é", "<<: *a", "[[[[[[[[", "{a: [b, {c: d}]}", "id: x", "roles: []", "effect: permit");

	/** One mutation: which file, what to do, where, with what. */
	record Mutation(int file, int kind, int line, int column, String fragment) {
	}

	static final int TRIES = 10_000;

	@Test
	void mutatedPoliciesEitherLoadOrAreRejectedWithFileAndLine() {
		SplittableRandom random = new SplittableRandom(Long.getLong("reliability.seed", 20261128L));
		for (int i = 0; i < TRIES; i++) {
			List<Mutation> mutations = mutations(random);
			try {
				check(mutations);
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError("try " + i + " with " + mutations, ex);
			}
		}
	}

	private static void check(List<Mutation> mutations) {
		Map<String, List<String>> files = new LinkedHashMap<>();
		ORIGINALS.forEach((name, lines) -> files.put(name, new ArrayList<>(lines)));
		for (Mutation mutation : mutations) {
			apply(files.get(FILES.get(mutation.file())), mutation);
		}
		Map<String, byte[]> contents = new LinkedHashMap<>();
		files.forEach((name, lines) -> contents.put(name, String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
		try {
			new PolicyLoader(PolicyFiles.of(contents)).load();
		}
		catch (PolicyValidationException ex) {
			assertThat(ex.errors()).isNotEmpty().allSatisfy((PolicyError error) -> {
				assertThat(FILES).contains(error.file());
				assertThat(error.line()).isGreaterThanOrEqualTo(0);
				assertThat(error.problem()).isNotBlank();
			});
		}
	}

	private static List<Mutation> mutations(SplittableRandom random) {
		List<Mutation> mutations = new ArrayList<>();
		int count = 1 + random.nextInt(4);
		for (int i = 0; i < count; i++) {
			String fragment = random.nextBoolean() ? FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))
					: randomText(random, random.nextInt(13));
			mutations.add(new Mutation(random.nextInt(FILES.size()), random.nextInt(8), random.nextInt(401),
					random.nextInt(81), fragment));
		}
		return mutations;
	}

	/** Any characters, with a bias towards the ones YAML cares about. */
	static String randomText(SplittableRandom random, int length) {
		String special = ":-[]{}'\"&*!|>#%,?@`\t\n ";
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int pick = random.nextInt(4);
			if (pick == 0) {
				text.append(special.charAt(random.nextInt(special.length())));
			}
			else if (pick == 1) {
				text.append((char) random.nextInt(0x20, 0x7F));
			}
			else {
				text.appendCodePoint(random.nextInt(0, 0x2FFFF));
			}
		}
		return text.toString();
	}

	private static void apply(List<String> lines, Mutation mutation) {
		if (lines.isEmpty()) {
			lines.add(mutation.fragment());
			return;
		}
		int at = mutation.line() % lines.size();
		String line = lines.get(at);
		int column = Math.min(mutation.column(), line.length());
		switch (mutation.kind()) {
			case 0 -> lines.remove(at);
			case 1 -> lines.add(at, line);
			case 2 -> lines.set(at, line.substring(0, column) + mutation.fragment() + line.substring(column));
			case 3 -> lines.set(at, line.substring(0, column));
			case 4 -> lines.set(at, " ".repeat(mutation.column() % 5) + line.strip());
			case 5 -> {
				int other = (at + 1 + mutation.column()) % lines.size();
				lines.set(at, lines.get(other));
				lines.set(other, line);
			}
			case 6 -> lines.add(at, mutation.fragment());
			default -> {
				// replace a word (a value, a key or a list item) with the fragment
				String[] words = line.split("(?<=[\\s:,\\[\\]{}])|(?=[\\s:,\\[\\]{}])");
				if (words.length > 0) {
					words[mutation.column() % words.length] = mutation.fragment();
					lines.set(at, String.join("", words));
				}
			}
		}
	}

	private static Map<String, List<String>> originals() {
		Path directory = Files.isDirectory(Path.of("../policies")) ? Path.of("../policies") : Path.of("policies");
		Map<String, List<String>> originals = new LinkedHashMap<>();
		for (String file : FILES) {
			try {
				originals.put(file, List.copyOf(Files.readAllLines(directory.resolve(file), StandardCharsets.UTF_8)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return originals;
	}

}
