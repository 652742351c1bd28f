package nl.schakel.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the policy files come from: a directory on disk, the classpath, or (in tests) a
 * map. Only the raw bytes are read here; parsing and validation are the loader's.
 */
@FunctionalInterface
public interface PolicyFiles {

	/**
	 * The raw bytes of the named file.
	 * @param fileName a plain file name such as {@code roles.yaml}
	 * @return the bytes, or empty if there is no such file
	 * @throws IOException if the file exists but cannot be read
	 */
	Optional<byte[]> read(String fileName) throws IOException;

	/** Where the files are looked for, for error messages. */
	default String describe() {
		return toString();
	}

	/**
	 * Files in a directory.
	 */
	static PolicyFiles directory(Path directory) {
		Objects.requireNonNull(directory, "directory");
		return new PolicyFiles() {

			@Override
			public Optional<byte[]> read(String fileName) throws IOException {
				Path file = directory.resolve(fileName);
				return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
			}

			@Override
			public String describe() {
				return directory.toAbsolutePath().normalize().toString();
			}

		};
	}

	/**
	 * Files on the classpath under a prefix such as {@code policies/}.
	 */
	static PolicyFiles classpath(ClassLoader classLoader, String prefix) {
		Objects.requireNonNull(classLoader, "classLoader");
		String folder = prefix.startsWith("/") ? prefix.substring(1) : prefix;
		String base = (folder.isEmpty() || folder.endsWith("/")) ? folder : folder + "/";
		return new PolicyFiles() {

			@Override
			public Optional<byte[]> read(String fileName) throws IOException {
				try (InputStream in = classLoader.getResourceAsStream(base + fileName)) {
					return (in != null) ? Optional.of(in.readAllBytes()) : Optional.empty();
				}
			}

			@Override
			public String describe() {
				return "classpath:" + base;
			}

		};
	}

	/**
	 * Files at a Spring-style location: {@code classpath:policies/} or
	 * {@code file:./policies/}; a location without prefix is a directory.
	 */
	static PolicyFiles at(String location, ClassLoader classLoader) {
		Objects.requireNonNull(location, "location");
		if (location.startsWith("classpath:")) {
			return classpath(classLoader, location.substring("classpath:".length()));
		}
		String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
		return directory(Path.of(path));
	}

	/**
	 * Files held in memory, by name; for tests and tools.
	 */
	static PolicyFiles of(Map<String, byte[]> files) {
		Map<String, byte[]> copy = Map.copyOf(files);
		return new PolicyFiles() {

			@Override
			public Optional<byte[]> read(String fileName) {
				return Optional.ofNullable(copy.get(fileName)).map(byte[]::clone);
			}

			@Override
			public String describe() {
				return "memory";
			}

		};
	}

	/**
	 * Where every file of {@code policies/} is read from: the configured location when
	 * set, else {@code ./policies} when it holds the access policy (a developer's
	 * checkout), else the copy packaged in the jar.
	 */
	static PolicyFiles locate(String location) {
		ClassLoader classLoader = PolicyFiles.class.getClassLoader();
		if (location != null && !location.isBlank()) {
			return at(location, classLoader);
		}
		Path local = Path.of("policies");
		if (Files.isRegularFile(local.resolve("access-policy.yaml"))) {
			return directory(local);
		}
		return classpath(classLoader, "policies/");
	}

}
