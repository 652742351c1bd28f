package nl.schakel.database;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The locks that let one instance at a time run a scheduled job (ShedLock on the
 * {@code shedlock} table, leases timed by the database's clock, so instances whose clocks
 * differ still agree). A job's lease can run out while it is still busy; jobs whose work
 * must never overlap (sealing the log, the review scan, reminders) take a
 * transaction-scoped advisory lock as well, which ends only with the work.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobLocks {

	@Bean
	LockProvider scheduledJobLockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.usingDbTime()
			.build());
	}

	@Bean
	LockingTaskExecutor scheduledJobLockExecutor(LockProvider scheduledJobLockProvider) {
		return new DefaultLockingTaskExecutor(scheduledJobLockProvider);
	}

}
