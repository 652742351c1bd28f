package nl.schakel.crypto;

import java.time.Clock;
import java.util.UUID;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A case key destroyed by one instance is refused by every other instance on the same
 * database, even one that still has the unwrapped key cached: it neither seals nor opens
 * under it, inside a transaction or outside one. Two {@link CaseKeys} on one database
 * stand for two instances (or for a path outside the case pages that cached the key).
 */
@IntegrationTest
class ErasedCaseKeyStaysShutIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Keysets keysets;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anotherInstanceWithTheKeyCachedRefusesToSealAndToOpenOnceTheKeyIsDestroyed() {
		CaseKeys erasing = new CaseKeys(() -> this.jdbc, this.keysets, Clock.systemUTC());
		CaseKeys stale = new CaseKeys(() -> this.jdbc, this.keysets, Clock.systemUTC());
		FieldCipher here = new FieldCipher(this.keysets, erasing);
		FieldCipher there = new FieldCipher(this.keysets, stale);
		UUID caseId = UUID.randomUUID();
		FieldBinding binding = new FieldBinding("minutes", "content", UUID.randomUUID(), caseId);

		byte[] sealed = here.seal("Verslag van het overleg", binding);
		// the other instance unwraps and caches the key by using it
		assertThat(there.open(sealed, binding)).isEqualTo("Verslag van het overleg");
		there.seal("Nog een verslag", binding);

		assertThat(erasing.destroy(caseId)).isTrue();

		assertThatThrownBy(() -> there.seal("Na het wissen", binding)).isInstanceOf(CaseKeyDestroyedException.class);
		assertThatThrownBy(() -> there.open(sealed, binding)).isInstanceOf(CaseKeyDestroyedException.class);
	}

	@Test
	void aTransactionThatUsedTheKeyBeforeTheErasureIsRefusedInItsNextTransaction() {
		CaseKeys erasing = new CaseKeys(() -> this.jdbc, this.keysets, Clock.systemUTC());
		CaseKeys stale = new CaseKeys(() -> this.jdbc, this.keysets, Clock.systemUTC());
		FieldCipher there = new FieldCipher(this.keysets, stale);
		UUID caseId = UUID.randomUUID();
		FieldBinding binding = new FieldBinding("plan_action", "description", UUID.randomUUID(), caseId);
		TransactionTemplate tx = new TransactionTemplate(this.transactions);

		byte[] sealed = tx.execute((status) -> {
			byte[] value = there.seal("Actie voor de casus", binding);
			assertThat(there.open(value, binding)).isEqualTo("Actie voor de casus");
			return value;
		});
		erasing.destroy(caseId);

		assertThatThrownBy(() -> tx.executeWithoutResult((status) -> there.open(sealed, binding)))
			.isInstanceOf(CaseKeyDestroyedException.class);
		assertThatThrownBy(() -> tx.executeWithoutResult((status) -> there.seal("Na het wissen", binding)))
			.isInstanceOf(CaseKeyDestroyedException.class);
		assertThat(this.jdbc.queryForObject("select wrapped_keyset is null from case_key where case_id = ?",
				Boolean.class, caseId))
			.isTrue();
	}

}
