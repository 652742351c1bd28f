package nl.schakel.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.ids.CaseId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily retention job: erases every closed case whose retention ran out, each in its
 * own transaction, and writes a proof per case naming the rule and this run; then, in the
 * cases that are kept, the content of each data category whose own shorter period ran out
 * ({@link CategoryErasure}), with a proof per case and category. The list is only where
 * to look: inside each case's transaction {@link CaseErasure} locks the case row and
 * reads status, closure and extensions afresh, so a case reopened or extended while the
 * job ran is skipped, not erased. It runs under a PostgreSQL advisory lock held for the
 * whole run, so of two instances (or two threads) only one erases; the other sees the
 * lock taken and does nothing. A plain {@code @Scheduled} bean with the lock inside, so a
 * scheduler-wide lock can wrap it later without change.
 */
@Component
public class RetentionJob {

	/** The advisory lock key: "retentio" as a number, the same in every instance. */
	static final long LOCK = 0x726574656e74696fL;

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final JdbcTemplate jdbc;

	private final RetentionSchedule schedule;

	private final CaseErasure erasure;

	private final CategoryErasure categoryErasure;

	private final TransactionTemplate run;

	private final TransactionTemplate perCase;

	private final Clock clock;

	RetentionJob(JdbcTemplate jdbc, RetentionSchedule schedule, CaseErasure erasure, CategoryErasure categoryErasure,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.schedule = schedule;
		this.erasure = erasure;
		this.categoryErasure = categoryErasure;
		this.clock = clock;
		this.run = new TransactionTemplate(transactions);
		this.perCase = new TransactionTemplate(transactions);
		this.perCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Scheduled(cron = "${schakel.retention.cron:0 30 2 * * *}")
	void daily() {
		runAt(this.clock);
	}

	/**
	 * Runs the job as of the clock's day.
	 * @return what it did, or empty when another instance holds the lock
	 */
	public Optional<Run> runAt(Clock at) {
		return this.run.execute((status) -> {
			Boolean locked = this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
			if (!Boolean.TRUE.equals(locked)) {
				log.info("Retention job: another instance is running it");
				return Optional.<Run>empty();
			}
			UUID runId = UUID.randomUUID();
			OffsetDateTime started = OffsetDateTime.now(at).withOffsetSameInstant(ZoneOffset.UTC);
			LocalDate today = started.toLocalDate();
			this.jdbc.update("insert into retention_run (id, started_at) values (?, ?)", runId, started);
			List<DueErasure> due = this.schedule.dueBy(today);
			int erased = 0;
			int skipped = 0;
			int failed = 0;
			for (DueErasure one : due) {
				try {
					this.perCase.executeWithoutResult((inner) -> this.erasure.erase(new CaseId(one.caseId()),
							ErasureKind.RETENTION_DUE, one.ruleId(), runId, null, at));
					erased++;
				}
				catch (CaseNotDue | CaseErased ex) {
					// reopened, extended or erased since the list was read: kept (or
					// gone) as it now stands
					skipped++;
					log.info("Retention job {}: case {} no longer due, skipped ({})", runId, one.caseReference(),
							ex.getMessage());
				}
				catch (RuntimeException ex) {
					// one case that cannot be erased does not keep the others; it is due
					// again tomorrow
					failed++;
					log.error("Retention job {}: could not erase case {}", runId, one.caseReference(), ex);
				}
			}
			// then the categories whose own period ended while their case is kept; listed
			// after the whole cases, so a case erased just now is not among them
			List<DueCategoryErasure> categoriesDue = this.schedule.categoriesDueBy(today);
			int categoriesErased = 0;
			for (DueCategoryErasure one : categoriesDue) {
				try {
					this.perCase.executeWithoutResult(
							(inner) -> this.categoryErasure.erase(one.caseId(), one.category(), runId, at));
					categoriesErased++;
				}
				catch (CaseNotDue | CaseErased ex) {
					skipped++;
					log.info("Retention job {}: {} content of case {} no longer due, skipped ({})", runId,
							one.category(), one.caseReference(), ex.getMessage());
				}
				catch (RuntimeException ex) {
					failed++;
					log.error("Retention job {}: could not erase {} content of case {}", runId, one.category(),
							one.caseReference(), ex);
				}
			}
			this.jdbc.update("update retention_run set finished_at = ?, erased = ?, categories_erased = ? where id = ?",
					OffsetDateTime.now(at).withOffsetSameInstant(ZoneOffset.UTC), erased, categoriesErased, runId);
			log.info("Retention job {}: {} case(s) due, {} erased, {} categories erased, {} skipped, {} failed", runId,
					due.size(), erased, categoriesErased, skipped, failed);
			return Optional
				.of(new Run(runId, due.size(), erased, skipped, failed, categoriesDue.size(), categoriesErased));
		});
	}

	/**
	 * One run: its id, how many cases were listed as due, erased, no longer due when
	 * their turn came (cases and categories), and could not be erased; how many
	 * categories inside kept cases were listed as due and erased.
	 */
	public record Run(UUID id, int due, int erased, int skipped, int failed, int categoriesDue, int categoriesErased) {
	}

}
