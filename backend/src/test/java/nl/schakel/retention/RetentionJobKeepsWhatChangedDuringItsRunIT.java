package nl.schakel.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import nl.schakel.support.IntegrationTest;
import nl.schakel.support.LockWaits;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The retention job decides per case on the case as it stands when its turn comes, not on
 * the list it read at the start of the run: a case reopened, or kept longer for a pending
 * procedure, while the job waited for it is skipped. The coordinator's changes hold the
 * case rows while the job lists both cases as due and blocks on the first; they commit,
 * and the job goes on. The job's day is a fixed clock; nothing sleeps (the test waits on
 * what PostgreSQL says about the blocked session).
 */
@IntegrationTest
class RetentionJobKeepsWhatChangedDuringItsRunIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RetentionJob job;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aCaseReopenedOrExtendedWhileTheJobWaitedForItIsKept() throws Exception {
		UUID reopened = cases().closedOn("Lopende Persoon", LocalDate.of(1961, 3, 1));
		UUID extended = cases().closedOn("Lopende Persoon", LocalDate.of(1961, 3, 1));
		Clock due = Clock.fixed(LocalDate.of(1963, 3, 2).atTime(3, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> coordinator = CompletableFuture
			.runAsync(() -> new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
				this.jdbc.queryForList("select id from case_file where id in (?, ?) for update", reopened, extended);
				held.countDown();
				try {
					release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				this.jdbc.update("update case_file set status = 'IN_CONSULTATION', closed_on = null, "
						+ "close_reason = null, reopened_on = current_date, reopen_reason = 'Nieuwe signalen' "
						+ "where id = ?", reopened);
				this.jdbc.update(
						"insert into retention_extension (id, case_id, extended_until, reason, recorded_by, recorded_at) "
								+ "values (?, ?, date '2099-01-01', 'Lopende strafzaak', 'coordinator', now())",
						UUID.randomUUID(), extended);
			}));
		assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Optional<RetentionJob.Run>> run = CompletableFuture.supplyAsync(() -> this.job.runAt(due));
		// the job has listed both as due and waits for the first case's row
		LockWaits.awaitSessionsBlockedAt(this.jdbc, "select reference, person_id from case_file", 1);
		release.countDown();
		coordinator.get(60, TimeUnit.SECONDS);

		RetentionJob.Run done = run.get(60, TimeUnit.SECONDS).orElseThrow();
		assertThat(erased(reopened)).as("reopened case erased").isFalse();
		assertThat(erased(extended)).as("extended case erased").isFalse();
		assertThat(done.skipped()).isGreaterThanOrEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from destruction_proof where case_id in (?, ?)",
				Integer.class, reopened, extended))
			.isZero();
	}

	private boolean erased(UUID caseId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from case_key where case_id = ? and destroyed_at is not null)", Boolean.class,
				caseId));
	}

	private RetentionCases cases() {
		return new RetentionCases(this.mvc, this.jdbc);
	}

	private ResultActions api(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		return cases().api(user, purpose, request, body);
	}

}
