package nl.schakel.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances seal the disclosure log at the same moment, while professionals go on
 * reading: the log stays one hash chain. Each block follows the last sealed block (its
 * number, its first row, its previous hash), no row is sealed twice or skipped, and the
 * verifier finds the chain intact. What holds it is the sealer's advisory lock taken in
 * the transaction that reads the head and writes the next block (a job lock's lease may
 * run out; that lock ends only with the block), and the block number's primary key behind
 * it.
 */
@IntegrationTest
class OneSealingChainWithTwoSealersIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Autowired
	LogVerifier verifier;

	@Test
	void twoSealersRunningTogetherWhileReadsGoOnSealOneChainThatVerifies() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Twee Zegelaars", null, "ggz-midden");
		// small blocks, so the two sealers contend for many heads
		AuditProperties small = new AuditProperties(Period.ofYears(5), Duration.ZERO, 2, false, 100_000);
		LogSealer first = new LogSealer(this.jdbc, this.transactions, small, this.clock);
		LogSealer second = new LogSealer(this.jdbc, this.transactions, small, this.clock);
		long blocksBefore = this.jdbc.queryForObject("select count(*) from disclosure_block", Long.class);

		AtomicBoolean reading = new AtomicBoolean(true);
		List<CompletableFuture<Integer>> sealers = new ArrayList<>();
		for (LogSealer sealer : List.of(first, second)) {
			sealers.add(CompletableFuture.supplyAsync(() -> {
				int sealed = 0;
				while (reading.get()) {
					sealed += sealer.sealSettled().size();
				}
				return sealed + sealer.sealSettled().size();
			}));
		}
		for (int i = 0; i < 15; i++) {
			scenario.read(c, "ggz");
		}
		reading.set(false);
		int sealedByBoth = 0;
		for (CompletableFuture<Integer> sealer : sealers) {
			sealedByBoth += sealer.get();
		}
		sealedByBoth += first.sealSettled().size();

		long blocks = this.jdbc.queryForObject("select count(*) from disclosure_block", Long.class);
		assertThat(blocks - blocksBefore).as("blocks the two sealers wrote").isEqualTo(sealedByBoth).isPositive();
		assertThat(this.jdbc.queryForObject("select max(number) from disclosure_block", Long.class))
			.as("numbered without a gap or a twin")
			.isEqualTo(blocks);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from disclosure_block b join disclosure_block p on p.number = b.number - 1
				where b.previous_hash <> p.hash or b.from_seq <> p.to_seq + 1""", Long.class))
			.as("blocks that do not follow the block before them")
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"""
						select count(*) from disclosure d
						where d.case_id = ? and not exists (select 1 from disclosure_block b where d.seq between b.from_seq and b.to_seq)""",
				Long.class, c.id()))
			.as("rows of the reads left unsealed")
			.isZero();
		assertThat(this.verifier.verify(1, null, "test", 1).intact()).as("the whole chain verifies").isTrue();
	}

}
