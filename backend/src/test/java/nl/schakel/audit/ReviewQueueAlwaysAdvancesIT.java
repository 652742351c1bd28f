package nl.schakel.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.MutableClock;
import nl.schakel.support.PostgresTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One professional who reads the same few dossiers tens of thousands of times must not
 * stop the review queue for everyone: the scan reads each row once, in batches that
 * commit their checkpoint, sealing never waits for it, and a job that stops advancing is
 * reported.
 */
@IntegrationTest
class ReviewQueueAlwaysAdvancesIT {

	private static final int FLOOD = 30_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LogSealer sealer;

	@Autowired
	ReviewScanner scanner;

	@Autowired
	ReviewScanProperties properties;

	@Autowired
	AuditProperties audit;

	@Test
	void aFlaggedReadAfterAFloodOfReadsIsQueuedWithinTwoScans() throws Exception {
		catchUp();
		// the flood: one professional reading the dossiers of three persons over and
		// over, all
		// inside every rule's look-back window
		flood("ggz", FLOOD, 3);
		this.sealer.sealSettled();

		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Vloed Persoon", null, "ggz-midden", "politie-midden");
		scenario.contribute(c, "ggz", """
				{"text": "Dreiging na de vloed", "category": "HEALTH", "legalBasis": "CONFLICT_OF_DUTIES",
				 "audienceOrganisations": ["politie-midden"], "secrecyBreachConfirmed": true,
				 "conflictOfDuties": {"interest": "veiligheid", "whyNoConsent": "weigert", "noOtherWay": "geen",
				                      "seriousHarm": "geweld", "strictlyNeeded": "alleen de dreiging"}}""");
		scenario.read(c, "politie");
		UUID flagged = this.jdbc.queryForObject(
				"select id from disclosure where case_id = ? and actor = 'politie' and flagged limit 1", UUID.class,
				c.id());
		this.sealer.sealSettled();

		int scans = 0;
		while (queued(flagged) == 0 && scans < 2) {
			this.scanner.scanSealed();
			scans++;
		}
		assertThat(queued(flagged)).as("review items for the flagged read after %d scan(s)", scans).isEqualTo(1);
		assertThat(checkpoint()).isEqualTo(sealedTo());
	}

	@Test
	void aFailedBatchLosesOnlyItselfAndTheNextScanGoesOnFromThere() {
		catchUp();
		long start = checkpoint();
		int batch = this.properties.batchRows();
		flood("verslavingszorg", 3 * batch, 2);
		this.sealer.sealSettled();
		// a fault in the middle of the second batch: its checkpoint cannot be written
		long faultAt = start + batch + batch / 2;
		JdbcTemplate owner = new JdbcTemplate(PostgresTestSupport.dataSource(PostgresTestSupport.OWNER));
		owner.execute("""
				create or replace function review_scan_fault() returns trigger language plpgsql as $$
				begin
				    if new.last_seq > %d then raise exception 'injected fault'; end if;
				    return new;
				end $$""".formatted(faultAt));
		owner.execute("create trigger review_scan_fault before update on review_scan "
				+ "for each row execute function review_scan_fault()");
		try {
			assertThatThrownBy(() -> this.scanner.scanSealed()).hasStackTraceContaining("injected fault");
			// the first batch stayed committed; only the failing one is to be done again
			assertThat(checkpoint()).isGreaterThan(start).isGreaterThanOrEqualTo(faultAt - batch);
		}
		finally {
			owner.execute("drop trigger review_scan_fault on review_scan");
			owner.execute("drop function review_scan_fault()");
		}
		this.scanner.scanSealed();
		assertThat(checkpoint()).isEqualTo(sealedTo());
	}

	@Test
	void sealingGoesOnWhileTheScanIsStuck() throws Exception {
		catchUp();
		flood("reclassering", 100, 1);
		this.sealer.sealSettled();
		flood("reclassering", 100, 1);
		// the scan is busy reading: another session keeps it waiting on the checkpoint
		// table. (It
		// has not written yet, so sealing may seal past its start; a scan that has
		// written holds
		// sealing back for at most one bounded batch, which is the sealer's guard for
		// late rows.)
		DataSource owner = PostgresTestSupport.dataSource(PostgresTestSupport.OWNER);
		TransactionTemplate blocker = new TransactionTemplate(new DataSourceTransactionManager(owner));
		CompletableFuture<Integer> scan;
		long sealedBefore = sealedTo();
		CompletableFuture<Void> released = new CompletableFuture<>();
		CompletableFuture<Void> holding = new CompletableFuture<>();
		CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> blocker.executeWithoutResult((status) -> {
			new JdbcTemplate(owner).execute("lock table review_scan in access exclusive mode");
			holding.complete(null);
			released.join();
		}));
		holding.get(30, TimeUnit.SECONDS);
		try {
			scan = CompletableFuture.supplyAsync(() -> this.scanner.scanSealed());
			// wait until the scan is inside its transaction, waiting for the checkpoint
			// row
			Awaitility.await("the scan waits for the checkpoint row")
				.atMost(Duration.ofSeconds(30))
				.until(() -> waitingForALock() > 0);
			assertThat(waitingForALock()).isPositive();
			List<SealedHead> sealed = this.sealer.sealSettled();
			assertThat(sealed).isNotEmpty();
			assertThat(sealedTo()).isGreaterThan(sealedBefore);
			assertThat(scan).isNotDone();
		}
		finally {
			released.complete(null);
			holder.get(30, TimeUnit.SECONDS);
		}
		scan.handle((created, failure) -> null).get(60, TimeUnit.SECONDS);
		this.scanner.scanSealed();
		assertThat(checkpoint()).isEqualTo(sealedTo());
	}

	@Test
	void aScanThatMakesNoProgressForThreeIntervalsIsReportedOnce() {
		catchUp();
		MutableClock clock = new MutableClock(Instant.now(), ZoneId.of("Europe/Amsterdam"));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		AuditJobProgress progress = new AuditJobProgress(this.jdbc, clock, this.audit, this.properties, meters);
		long events = stalledEvents();
		flood("wijkteam", 10, 1);
		this.sealer.sealSettled();
		// sealed rows wait for a scan that does not come
		assertThat(stalled(progress.check(), AuditJobProgress.Job.REVIEW_SCAN)).isFalse();
		clock.advance(this.properties.interval().multipliedBy(2));
		assertThat(stalled(progress.check(), AuditJobProgress.Job.REVIEW_SCAN)).isFalse();
		clock.advance(this.properties.interval());
		assertThat(stalled(progress.check(), AuditJobProgress.Job.REVIEW_SCAN)).isTrue();
		assertThat(meters.get("schakel.audit.jobs.stalled").gauge().value()).isEqualTo(1.0);
		assertThat(meters.get("schakel.review.scan.lag").gauge().value()).isGreaterThanOrEqualTo(180.0);
		clock.advance(this.properties.interval());
		progress.check();
		assertThat(stalledEvents()).isEqualTo(events + 1);
		assertThat(meters.get("schakel.audit.jobs.stalls").counter().count()).isEqualTo(1.0);

		this.scanner.scanSealed();
		assertThat(stalled(progress.check(), AuditJobProgress.Job.REVIEW_SCAN)).isFalse();
		assertThat(meters.get("schakel.audit.jobs.stalled").gauge().value()).isZero();
	}

	private static boolean stalled(List<AuditJobProgress.State> states, AuditJobProgress.Job job) {
		return states.stream().filter((state) -> state.job() == job).findFirst().orElseThrow().stalled();
	}

	private long waitingForALock() {
		return this.jdbc.queryForObject("select count(*) from pg_locks where not granted", Long.class);
	}

	private long stalledEvents() {
		return this.jdbc.queryForObject("select count(*) from security_event where kind = 'AUDIT_JOB_STALLED'",
				Long.class);
	}

	/** Rows inserted as the gate writes them, many at once. */
	private void flood(String actor, int rows, int persons) {
		List<UUID> people = java.util.stream.IntStream.range(0, persons).mapToObj((i) -> UUID.randomUUID()).toList();
		this.jdbc.update(
				"""
						insert into disclosure (id, occurred_at, actor, actor_organisation, actor_role, case_id, person_id,
						                        item_kind, item_id, category, purpose, legal_basis, rule_id, policy_version,
						                        decision, channel, request_id, flagged)
						select gen_random_uuid(), now() - (g % 600) * interval '1 millisecond', ?, 'flood-org', 'care-professional',
						       gen_random_uuid(), (?::uuid[])[1 + g % ?], 'CONTRIBUTION', gen_random_uuid(), 'SOCIAL',
						       'CASE_CONSULTATION', 'PUBLIC_TASK', 'flood-rule', 'test', 'PERMIT', 'API', 'flood-' || (g / 1000), false
						from generate_series(1, ?) g""",
				actor, people.toArray(UUID[]::new), persons, rows);
	}

	private void catchUp() {
		this.sealer.sealSettled();
		this.scanner.scanSealed();
	}

	/**
	 * Review items holding this disclosure, apart from the office-hours flag: whether the
	 * wall clock of the test run lies outside office hours is not the test's to decide.
	 */
	private long queued(UUID disclosure) {
		return this.jdbc.queryForObject(
				"select count(*) from review_item where ? = any(disclosure_ids) and flag_rule <> 'outside-office-hours'",
				Long.class, disclosure);
	}

	private long checkpoint() {
		return this.jdbc.queryForObject("select last_seq from review_scan where id = 1", Long.class);
	}

	private long sealedTo() {
		return this.jdbc.queryForObject("select coalesce(max(to_seq), 0) from disclosure_block", Long.class);
	}

}
