package nl.schakel.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The retention job erases a closed case on the day its period from
 * {@code retention.yaml} runs out and not a day before, keeps a case whose retention the
 * coordinator extended with a reason, names the rule and its run in the proof, and runs
 * once while another instance holds its lock. Time is a fixed clock handed to the job,
 * never waited for; each test closes its case in a different decade so the runs of one
 * test never reach another's case.
 */
@IntegrationTest
class RetentionJobErasesWhatIsDueOnceIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RetentionJob job;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aCaseClosedAfterItsPlanIsErasedTwoYearsAfterClosureAndNotADayBefore() throws Exception {
		UUID c = cases().closedOn("Bewaar Persoon", LocalDate.of(1991, 3, 1));

		this.job.runAt(at(LocalDate.of(1993, 2, 28)));
		assertThat(erased(c)).isFalse();

		Optional<RetentionJob.Run> run = this.job.runAt(at(LocalDate.of(1993, 3, 1)));
		assertThat(run).isPresent();
		assertThat(erased(c)).isTrue();
		assertThat(
				this.jdbc.queryForObject(
						"select rule_id from destruction_proof where case_id = ? and job_run_id = ? "
								+ "and kind = 'RETENTION_DUE' and requested_by is null",
						String.class, c, run.get().id()))
			.isEqualTo("closed-after-plan");
		api("auditor", "AUDIT", get("/api/v1/audit/destructions?rule=closed-after-plan&from=1993-03-01&to=1993-03-01"),
				null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].caseId", hasItem(c.toString())))
			.andExpect(jsonPath("$[0].jobRunId").value(run.get().id().toString()));
	}

	@Test
	void theCoordinatorSeesTheCaseAheadAndAnExtensionWithAReasonKeepsIt() throws Exception {
		UUID c = cases().closedOn("Bewaar Persoon", LocalDate.of(2001, 3, 1));
		api("coordinator", null, get("/api/v1/retention/upcoming"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.cases[*].caseId", hasItem(c.toString())));

		String until = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c + "/retention-extension"),
				"{\"until\": \"" + until + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		api("ggz", "CASE_CONSULTATION", post("/api/v1/cases/" + c + "/retention-extension"),
				"{\"until\": \"" + until + "\", \"reason\": \"Lopende strafzaak\"}")
			.andExpect(status().isForbidden());
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c + "/retention-extension"),
				"{\"until\": \"" + until + "\", \"reason\": \"Lopende strafzaak bij de rechtbank\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dueOn").value(until))
			.andExpect(jsonPath("$.extensionReason").value("Lopende strafzaak bij de rechtbank"));

		this.job.runAt(at(LocalDate.of(2004, 1, 1)));
		assertThat(erased(c)).isFalse();
		assertThat(this.jdbc.queryForObject("select recorded_by from retention_extension where case_id = ?",
				String.class, c))
			.isEqualTo("coordinator");
	}

	@Test
	void whileAnotherInstanceHoldsTheLockTheJobErasesNothingAndTwoRunsEraseOnce() throws Exception {
		UUID c = cases().closedOn("Bewaar Persoon", LocalDate.of(1981, 3, 1));
		Clock due = at(LocalDate.of(1983, 3, 1));
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		CompletableFuture<Void> otherInstance = CompletableFuture
			.runAsync(() -> new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
				this.jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, RetentionJob.LOCK);
				held.countDown();
				try {
					done.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
		assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.job.runAt(due)).isEmpty();
		assertThat(erased(c)).isFalse();
		done.countDown();
		otherInstance.get(30, TimeUnit.SECONDS);

		List<CompletableFuture<Optional<RetentionJob.Run>>> twoInstances = List.of(
				CompletableFuture.supplyAsync(() -> this.job.runAt(due)),
				CompletableFuture.supplyAsync(() -> this.job.runAt(due)));
		for (CompletableFuture<Optional<RetentionJob.Run>> run : twoInstances) {
			run.get(60, TimeUnit.SECONDS);
		}
		assertThat(erased(c)).isTrue();
		assertThat(
				this.jdbc.queryForObject("select count(*) from destruction_proof where case_id = ?", Integer.class, c))
			.isEqualTo(1);
	}

	private boolean erased(UUID caseId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from case_key where case_id = ? and destroyed_at is not null)", Boolean.class,
				caseId));
	}

	private static Clock at(LocalDate day) {
		return Clock.fixed(day.atTime(3, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
	}

	private RetentionCases cases() {
		return new RetentionCases(this.mvc, this.jdbc);
	}

	private ResultActions api(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		return cases().api(user, purpose, request, body);
	}

}
