package nl.schakel.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One data key per case (crypto-shredding): a Tink AES-256-GCM keyset of its own, stored
 * in {@code case_key} wrapped (encrypted) by the master AEAD keyset with the case id as
 * associated data, so a wrapped key cannot be moved to another case. Everything sealed
 * for a case is sealed under its key; destroying the key (erasure) makes every copy of
 * that ciphertext — live rows, Envers history, backups — unreadable at once.
 *
 * <p>
 * Unwrapped keys are cached per instance, but a cached key is never used without asking
 * the key's row first: another instance (or another path of this one) may have destroyed
 * it. The row is asked once per case and transaction — sealing holds it {@code for share}
 * until the transaction ends, so an erasure waits for a writer still sealing under the
 * key (and then blanks what it wrote) or the writer waits for the erasure and is refused;
 * opening only reads it. Outside a transaction every use asks.
 */
public final class CaseKeys {

	private final Supplier<JdbcTemplate> database;

	private final Aead master;

	private final Clock clock;

	private final Map<UUID, Aead> unwrapped = new ConcurrentHashMap<>();

	// this instance's own key for the transaction-bound record of key rows already asked
	private final Object transactionKey = new Object();

	/**
	 * @param database the database holding {@code case_key}, asked for on first use (so
	 * the cipher can be built where no database is configured, e.g. for tools that never
	 * seal for a case)
	 * @param keysets the master keysets that wrap the case keys
	 * @param clock the time for created and destroyed
	 */
	public CaseKeys(Supplier<JdbcTemplate> database, Keysets keysets, Clock clock) {
		this.database = database;
		this.clock = clock;
		try {
			this.master = keysets.aead().getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The master keyset cannot wrap case keys", ex);
		}
	}

	/**
	 * The case's key for sealing, created on first use.
	 * @throws CaseKeyDestroyedException if the case was erased: nothing is sealed for it
	 * again, whatever this instance has cached
	 */
	Aead forSealing(UUID caseId) {
		Optional<Aead> existing = live(caseId, true);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, this.master,
					associatedData(caseId));
			// Two writers racing for a new case: the first key wins and both seal under
			// it.
			jdbc().update("insert into case_key (case_id, wrapped_keyset, created_at) values (?, ?, ?) "
					+ "on conflict (case_id) do nothing", caseId, wrapped, OffsetDateTime.now(this.clock));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create the data key of case " + caseId, ex);
		}
		return live(caseId, true)
			.orElseThrow(() -> new IllegalStateException("The data key of case " + caseId + " vanished"));
	}

	/**
	 * The case's key for opening; empty when the case has none yet (its values are under
	 * the master key).
	 * @throws CaseKeyDestroyedException if the case was erased, whatever this instance
	 * has cached
	 */
	Optional<Aead> forOpening(UUID caseId) {
		return live(caseId, false);
	}

	// The key row is asked before a cached key is used: the cache saves unwrapping, never
	// the question whether the key still lives.
	private Optional<Aead> live(UUID caseId, boolean forSealing) {
		Map<UUID, Boolean> checked = checkedInThisTransaction();
		Aead cached = this.unwrapped.get(caseId);
		Boolean lockedForSealing = (checked != null) ? checked.get(caseId) : null;
		if (cached != null && lockedForSealing != null && (lockedForSealing || !forSealing)) {
			return Optional.of(cached);
		}
		List<byte[]> rows = jdbc().query(
				"select wrapped_keyset from case_key where case_id = ?" + (forSealing ? " for share" : ""),
				(rs, n) -> rs.getBytes(1), caseId);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		byte[] wrapped = rows.get(0);
		if (wrapped == null) {
			this.unwrapped.remove(caseId);
			throw new CaseKeyDestroyedException(caseId);
		}
		if (checked != null) {
			checked.merge(caseId, forSealing, Boolean::logicalOr);
		}
		return Optional.of((cached != null) ? cached : unwrap(caseId, wrapped));
	}

	// The cases whose key row this transaction has already asked (true: held for share,
	// so it may seal), or null outside a transaction.
	private Map<UUID, Boolean> checkedInThisTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		@SuppressWarnings("unchecked")
		Map<UUID, Boolean> checked = (Map<UUID, Boolean>) TransactionSynchronizationManager
			.getResource(this.transactionKey);
		if (checked == null) {
			Map<UUID, Boolean> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this.transactionKey, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void suspend() {
					TransactionSynchronizationManager.unbindResourceIfPossible(CaseKeys.this.transactionKey);
				}

				@Override
				public void resume() {
					TransactionSynchronizationManager.bindResource(CaseKeys.this.transactionKey, fresh);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CaseKeys.this.transactionKey);
				}
			});
			checked = fresh;
		}
		return checked;
	}

	/**
	 * Destroys the case's data key: the wrapped keyset is overwritten with nothing, so no
	 * copy of a value sealed under it can be opened again. A case that never had a key
	 * gets a destroyed marker, so nothing is sealed for it afterwards.
	 * @return whether a live key was destroyed
	 */
	public boolean destroy(UUID caseId) {
		this.unwrapped.remove(caseId);
		Map<UUID, Boolean> checked = checkedInThisTransaction();
		if (checked != null) {
			checked.remove(caseId);
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		int destroyed = jdbc().update(
				"update case_key set wrapped_keyset = null, destroyed_at = ? where case_id = ? and destroyed_at is null",
				now, caseId);
		jdbc().update("insert into case_key (case_id, wrapped_keyset, created_at, destroyed_at) values (?, null, ?, ?) "
				+ "on conflict (case_id) do nothing", caseId, now, now);
		this.unwrapped.remove(caseId);
		return destroyed == 1;
	}

	/** Whether the case's key was destroyed. */
	public boolean isDestroyed(UUID caseId) {
		List<Boolean> rows = jdbc().queryForList("select destroyed_at is not null from case_key where case_id = ?",
				Boolean.class, caseId);
		return !rows.isEmpty() && rows.get(0);
	}

	private JdbcTemplate jdbc() {
		return this.database.get();
	}

	private Aead unwrap(UUID caseId, byte[] wrapped) {
		try {
			Aead aead = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, this.master, associatedData(caseId))
				.getPrimitive(RegistryConfiguration.get(), Aead.class);
			this.unwrapped.put(caseId, aead);
			return aead;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The data key of case " + caseId + " cannot be unwrapped", ex);
		}
	}

	private static byte[] associatedData(UUID caseId) {
		return ByteBuffer.allocate(21)
			.put("case:".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
			.putLong(caseId.getMostSignificantBits())
			.putLong(caseId.getLeastSignificantBits())
			.array();
	}

}
