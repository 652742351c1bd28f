package nl.schakel.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Set;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AeadKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two Tink keysets behind {@link FieldCipher} and {@link BlindIndex}: an AEAD keyset
 * (AES-256-GCM) that is rotated, and a PRF keyset (HMAC-SHA256) that is not, because a
 * new blind-index key would change every index.
 *
 * <p>
 * They come from one of two places:
 * <ul>
 * <li>{@link #loadOrGenerate(Path)}: cleartext Tink JSON keyset files in a directory,
 * generated on first start and readable by their owner only. <strong>Acceptable for the
 * embedded demo mode only</strong>: whoever can read the files can open every sealed
 * field.</li>
 * <li>{@link #fromJson(String, String)}: the keysets as configuration values
 * (production), which Jasypt has already decrypted from {@code ENC(...)}.</li>
 * </ul>
 * The key handles are visible inside this package only; the application gets a
 * {@link FieldCipher} and a {@link BlindIndex}, never key material.
 */
public final class Keysets {

	/** File name of the AEAD keyset inside the keyset directory. */
	public static final String AEAD_FILE = "field-cipher.keyset.json";

	/** File name of the blind-index keyset inside the keyset directory. */
	public static final String BLIND_INDEX_FILE = "blind-index.keyset.json";

	private static final Logger log = LoggerFactory.getLogger(Keysets.class);

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	static {
		// Parsing and generating keysets needs Tink's key managers registered;
		// registering twice is harmless.
		try {
			AeadConfig.register();
			PrfConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final KeysetHandle aead;

	private final KeysetHandle blindIndex;

	private Keysets(KeysetHandle aead, String aeadSource, KeysetHandle blindIndex, String blindIndexSource) {
		this.aead = requireAead(aead, aeadSource);
		this.blindIndex = requireSinglePrfKey(blindIndex, blindIndexSource);
	}

	/**
	 * Uses the configured keysets when {@link CryptoProperties#aeadKeyset()} is set, else
	 * the keyset directory.
	 * @param properties the {@code schakel.crypto} settings
	 * @return the keysets
	 * @throws IllegalArgumentException if only one of the two keysets is configured, or
	 * one is not a keyset of the right kind
	 */
	public static Keysets from(CryptoProperties properties) {
		if (properties.hasConfiguredKeysets()) {
			// Falling back to the directory for the other one would quietly pair a
			// production
			// key with a demo key.
			if (isBlank(properties.aeadKeyset()) || isBlank(properties.blindIndexKeyset())) {
				throw new IllegalArgumentException(
						"Set both schakel.crypto.aead-keyset and schakel.crypto.blind-index-keyset, or neither");
			}
			return fromJson(properties.aeadKeyset(), properties.blindIndexKeyset());
		}
		String directory = isBlank(properties.keysetDirectory()) ? "data/keys" : properties.keysetDirectory();
		return loadOrGenerate(Path.of(directory));
	}

	/**
	 * Parses keysets given as configuration values.
	 * @param aeadKeyset the AEAD keyset as Tink JSON, in cleartext
	 * @param blindIndexKeyset the PRF keyset as Tink JSON, in cleartext
	 * @return the keysets
	 * @throws IllegalArgumentException if a value is not a keyset of the right kind; the
	 * message never repeats the value
	 */
	public static Keysets fromJson(String aeadKeyset, String blindIndexKeyset) {
		return new Keysets(parse(aeadKeyset, "schakel.crypto.aead-keyset"), "schakel.crypto.aead-keyset",
				parse(blindIndexKeyset, "schakel.crypto.blind-index-keyset"), "schakel.crypto.blind-index-keyset");
	}

	/**
	 * Loads the keyset files from a directory, or generates and writes both on first
	 * start. Cleartext files: for the embedded demo mode only. Files are written with
	 * permission 600 (the directory 700) where the file system supports POSIX
	 * permissions. Meant for one process per directory: two processes starting at once on
	 * an empty directory could each generate keys.
	 * @param directory the keyset directory, created if missing
	 * @return the keysets
	 * @throws IllegalStateException if only one of the two files exists: generating the
	 * other would make existing ciphertexts or indexes unusable
	 */
	public static Keysets loadOrGenerate(Path directory) {
		Path aeadFile = directory.resolve(AEAD_FILE);
		Path blindIndexFile = directory.resolve(BLIND_INDEX_FILE);
		boolean aeadExists = Files.exists(aeadFile);
		boolean blindIndexExists = Files.exists(blindIndexFile);
		if (aeadExists && blindIndexExists) {
			return new Keysets(read(aeadFile), aeadFile.toString(), read(blindIndexFile), blindIndexFile.toString());
		}
		if (aeadExists || blindIndexExists) {
			throw new IllegalStateException("Keyset directory " + directory + " holds only "
					+ (aeadExists ? AEAD_FILE : BLIND_INDEX_FILE) + "; restore "
					+ (aeadExists ? BLIND_INDEX_FILE : AEAD_FILE) + " from a backup rather than generating a new key");
		}
		Keysets generated = generate();
		createPrivateDirectories(directory);
		write(aeadFile, generated.aead);
		write(blindIndexFile, generated.blindIndex);
		log.info("Generated new keysets in {} (cleartext files: embedded demo mode only)", directory.toAbsolutePath());
		return generated;
	}

	/**
	 * Adds a new AES-256-GCM key to the AEAD keyset file and makes it primary; older keys
	 * stay enabled so existing ciphertexts still open. The file is replaced atomically.
	 * The blind-index keyset is left alone. Running {@link FieldCipher}s keep their
	 * keyset until rebuilt.
	 * @param directory the keyset directory
	 * @return the id of the new primary key
	 */
	public static int rotate(Path directory) {
		Path aeadFile = directory.resolve(AEAD_FILE);
		if (!Files.exists(aeadFile)) {
			throw new IllegalStateException("No keyset to rotate: " + aeadFile + " does not exist");
		}
		KeysetHandle current = requireAead(read(aeadFile), aeadFile.toString());
		KeysetHandle rotated;
		try {
			rotated = KeysetHandle.newBuilder(current)
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot add a key to " + aeadFile, ex);
		}
		write(aeadFile, rotated);
		int primaryId = rotated.getPrimary().getId();
		log.info("Rotated {}: new primary key id {}, {} keys in total", aeadFile, Integer.toUnsignedString(primaryId),
				rotated.size());
		return primaryId;
	}

	static Keysets generate() {
		try {
			return new Keysets(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), "generated AEAD keyset",
					KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), "generated blind index keyset");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate keysets", ex);
		}
	}

	KeysetHandle aead() {
		return this.aead;
	}

	KeysetHandle blindIndex() {
		return this.blindIndex;
	}

	// Without the Tink prefix a ciphertext would not say which key sealed it, and
	// rotation
	// (isSealedWithPrimary, opening with older keys) would silently stop working.
	private static KeysetHandle requireAead(KeysetHandle keyset, String source) {
		if (!(keyset.getPrimary().getKey() instanceof AeadKey key) || key.getOutputPrefix().size() != 5) {
			throw new IllegalArgumentException(
					source + " is not an AEAD keyset whose primary key puts its id in the ciphertext");
		}
		return keyset;
	}

	// A second key would become primary some day and change every index; a new
	// blind-index key
	// means recomputing all indexes, which deserves its own deliberate procedure.
	private static KeysetHandle requireSinglePrfKey(KeysetHandle keyset, String source) {
		if (keyset.size() != 1 || !(keyset.getPrimary().getKey() instanceof PrfKey)) {
			throw new IllegalArgumentException(source + " is not a PRF keyset with exactly one key");
		}
		return keyset;
	}

	private static KeysetHandle parse(String json, String source) {
		if (isBlank(json)) {
			throw new IllegalArgumentException(source + " is empty");
		}
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			// No cause: parser messages may quote the input, which is key material.
			throw new IllegalArgumentException(
					source + " is not a Tink JSON keyset (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static KeysetHandle read(Path file) {
		warnIfReadableByOthers(file);
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read keyset " + file, ex);
		}
	}

	// Written next to the target and moved over it, so a crash never leaves half a
	// keyset; the
	// temporary file is created owner-only, and a move keeps that permission.
	private static void write(Path file, KeysetHandle keyset) {
		Path directory = file.toAbsolutePath().getParent();
		Path temporary = null;
		try {
			byte[] json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get())
				.getBytes(StandardCharsets.UTF_8);
			temporary = supportsPosix(directory)
					? Files.createTempFile(directory, file.getFileName() + ".", ".tmp",
							PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
					: Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(json));
				channel.force(true);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write keyset " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot serialise keyset for " + file, ex);
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	private static void createPrivateDirectories(Path directory) {
		try {
			if (Files.isDirectory(directory)) {
				return;
			}
			Path parent = directory.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			if (supportsPosix(parent)) {
				Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			}
			else {
				Files.createDirectory(directory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create keyset directory " + directory, ex);
		}
	}

	private static void warnIfReadableByOthers(Path file) {
		if (!supportsPosix(file)) {
			return;
		}
		try {
			Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
			permissions.retainAll(EnumSet.complementOf(EnumSet.of(PosixFilePermission.OWNER_READ,
					PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
			if (!permissions.isEmpty()) {
				log.warn("Keyset file {} is accessible to others than its owner ({}); restrict it to 600", file,
						PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
			}
		}
		catch (IOException ex) {
			// Only a warning is at stake; reading the file reports real problems.
		}
	}

	private static boolean supportsPosix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// Nothing sensible to do: the file lies in the keyset directory, owner-only.
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
