package nl.schakel.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.schakel.support.PostgresTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation end to end against PostgreSQL: after a new primary key is added, the job
 * rewrites exactly the rows an older key protects, they still decrypt, and a second run
 * does nothing.
 */
class ReencryptionIT {

	static final SealedColumn COLUMN = new SealedColumn("reencryption_test", "id", "secret");

	@TempDir
	Path keys;

	JdbcTemplate jdbc;

	@BeforeEach
	void scratchTable() {
		this.jdbc = new JdbcTemplate(PostgresTestSupport.dataSource(PostgresTestSupport.OWNER));
		this.jdbc.execute("create table if not exists reencryption_test (id uuid primary key, secret bytea)");
		this.jdbc.execute("delete from reencryption_test");
	}

	@AfterEach
	void dropScratchTable() {
		this.jdbc.execute("drop table if exists reencryption_test");
	}

	@Test
	void rowsUnderTheOldKeyAreResealedUnderTheNewPrimaryAndStillDecrypt() throws Exception {
		FieldCipher before = new FieldCipher(Keysets.loadOrGenerate(this.keys));
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < Reencryption.BATCH + 7; i++) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			this.jdbc.update("insert into reencryption_test (id, secret) values (?, ?)", id,
					before.seal("geheim " + i, COLUMN.binding(id)));
		}
		String aeadBefore = Files.readString(this.keys.resolve(Keysets.AEAD_FILE));

		Keysets.rotate(this.keys);
		FieldCipher after = new FieldCipher(Keysets.loadOrGenerate(this.keys));
		assertThat(Files.readString(this.keys.resolve(Keysets.AEAD_FILE))).isNotEqualTo(aeadBefore);
		UUID fresh = UUID.randomUUID();
		this.jdbc.update("insert into reencryption_test (id, secret) values (?, ?)", fresh,
				after.seal("nieuw", COLUMN.binding(fresh)));

		Reencryption job = new Reencryption(after, this.jdbc);
		assertThat(job.reseal(COLUMN)).isEqualTo(ids.size());
		assertThat(job.reseal(COLUMN)).isZero();

		for (int i = 0; i < ids.size(); i++) {
			byte[] stored = this.jdbc.queryForObject("select secret from reencryption_test where id = ?", byte[].class,
					ids.get(i));
			assertThat(after.isSealedWithPrimary(stored)).isTrue();
			assertThat(after.open(stored, COLUMN.binding(ids.get(i)))).isEqualTo("geheim " + i);
		}
	}

}
