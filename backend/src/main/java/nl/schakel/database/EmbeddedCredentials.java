package nl.schakel.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's passwords (superuser, owner role, application role),
 * generated once and kept next to its data in a file only the operating-system user that
 * runs Schakel can read. A restart reuses them, so the server can demand a password on
 * every connection.
 */
record EmbeddedCredentials(String superuserPassword, DatabaseRoles.Credentials owner, DatabaseRoles.Credentials app) {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);

	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	static final String SUPERUSER = "postgres";

	static final String OWNER = "schakel_owner";

	static final String APP = "schakel_app";

	/**
	 * Where the passwords of the PostgreSQL whose data lives in {@code dataDirectory} are
	 * kept.
	 */
	static Path fileFor(Path dataDirectory) {
		return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".credentials");
	}

	/**
	 * Whether the file exists; a data directory from before it did still trusts every
	 * local connection.
	 */
	static boolean existFor(Path dataDirectory) {
		return Files.exists(fileFor(dataDirectory));
	}

	/**
	 * Reads the stored passwords, or generates and stores them (owner-only) when there
	 * are none yet.
	 */
	static EmbeddedCredentials loadOrCreate(Path dataDirectory) throws IOException {
		Path file = fileFor(dataDirectory);
		if (Files.exists(file)) {
			ownerOnly(file);
			Properties stored = new Properties();
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				stored.load(reader);
			}
			return new EmbeddedCredentials(required(stored, SUPERUSER, file),
					new DatabaseRoles.Credentials(OWNER, required(stored, OWNER, file)),
					new DatabaseRoles.Credentials(APP, required(stored, APP, file)));
		}
		EmbeddedCredentials fresh = new EmbeddedCredentials(randomSecret(),
				new DatabaseRoles.Credentials(OWNER, randomSecret()),
				new DatabaseRoles.Credentials(APP, randomSecret()));
		Properties properties = new Properties();
		properties.setProperty(SUPERUSER, fresh.superuserPassword());
		properties.setProperty(OWNER, fresh.owner().password());
		properties.setProperty(APP, fresh.app().password());
		Files.createDirectories(file.toAbsolutePath().getParent());
		// created owner-only from the first byte, never readable by others in between
		Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".credentials", ".tmp",
				PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			properties.store(writer, "Schakel embedded PostgreSQL passwords: keep owner-only (600)");
		}
		Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		return fresh;
	}

	/**
	 * The superuser password alone, in a file {@code initdb --pwfile} reads; owner-only,
	 * and to be deleted once the server is initialised.
	 */
	Path superuserPasswordFile(Path dataDirectory) throws IOException {
		Path file = Files.createTempFile(dataDirectory.toAbsolutePath().getParent(), ".pwfile", ".tmp",
				PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		Files.writeString(file, superuserPassword() + "\n", StandardCharsets.UTF_8);
		return file;
	}

	private static void ownerOnly(Path file) throws IOException {
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		if (!permissions.equals(OWNER_ONLY)) {
			log.warn("{} was readable by others ({}); restricting it to its owner", file,
					PosixFilePermissions.toString(permissions));
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
	}

	private static String required(Properties stored, String key, Path file) {
		String value = stored.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(file + " lacks the password of " + key
					+ "; restore it from a backup, or move the data directory aside to start afresh");
		}
		return value;
	}

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	@Override
	public String toString() {
		return "EmbeddedCredentials[passwords hidden]";
	}

}
