package nl.schakel.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled job that two instances start at the same moment runs on one of them: the
 * other finds the job's lock in the database taken and skips the run. The application's
 * own lock executor (the first "instance") and a second one built as another instance
 * would build it share the lock through the {@code shedlock} table, with the application
 * role's grants.
 */
@IntegrationTest
class EachScheduledJobRunsOnOneInstanceAtATimeIT {

	@Autowired
	LockingTaskExecutor locks;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aJobThatOneInstanceRunsIsSkippedByTheOtherAndRunsThereOnceTheFirstIsDone() throws Exception {
		LockingTaskExecutor otherInstance = new DefaultLockingTaskExecutor(
				new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(this.dataSource))
					.withTableName("shedlock")
					.usingDbTime()
					.build()));
		String job = "two-instances-" + System.nanoTime();
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch mayFinish = new CountDownLatch(1);

		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> this.locks.executeWithLock((Runnable) () -> {
			runs.incrementAndGet();
			running.countDown();
			await(mayFinish);
		}, lease(job)));
		assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

		otherInstance.executeWithLock((Runnable) runs::incrementAndGet, lease(job));
		assertThat(runs).as("the second instance skipped the run the first is busy with").hasValue(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from shedlock where name = ? and lock_until > now() at time zone 'utc'", Long.class,
				job))
			.as("the job's lock, held in the database")
			.isEqualTo(1);

		mayFinish.countDown();
		first.get(30, TimeUnit.SECONDS);
		otherInstance.executeWithLock((Runnable) runs::incrementAndGet, lease(job));
		assertThat(runs).as("once the first is done, the next run may fall to the other instance").hasValue(2);
	}

	private static LockConfiguration lease(String job) {
		return new LockConfiguration(Instant.now(), job, Duration.ofMinutes(5), Duration.ZERO);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
