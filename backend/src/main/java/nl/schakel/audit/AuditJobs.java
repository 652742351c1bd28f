package nl.schakel.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import nl.schakel.policy.ScheduledWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Seals what has settled, scans the sealed rows for the review queue, and watches that
 * both keep up — each on its own thread and schedule, so a long scan never holds up
 * sealing, and a hung job is still noticed. Every instance schedules them; a job lock
 * ({@code shedlock}) lets one instance run each job per interval, and the database's
 * advisory locks let one at a time do the work even when a job outlasts its lease. Off
 * for command-line runs ({@code schakel.command}) and when
 * {@code schakel.audit.jobs-enabled} is false (tests call the jobs directly).
 */
@Component
@ConditionalOnExpression("${schakel.audit.jobs-enabled:true} and '${schakel.command:}' == ''")
class AuditJobs implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);

	private final LogSealer sealer;

	private final LogMonths months;

	private final ReviewScanner scanner;

	private final ScheduledWork work;

	private final AuditJobProgress progress;

	private final Duration sealInterval;

	private final Duration scanInterval;

	private final LockingTaskExecutor locks;

	private final List<ThreadPoolTaskScheduler> schedulers = new ArrayList<>();

	AuditJobs(LogSealer sealer, LogMonths months, ReviewScanner scanner, ScheduledWork work, AuditJobProgress progress,
			ReviewScanProperties scan, @Value("${schakel.audit.seal-interval:PT1M}") Duration sealInterval,
			LockingTaskExecutor locks) {
		this.locks = locks;
		this.sealer = sealer;
		this.months = months;
		this.scanner = scanner;
		this.work = work;
		this.progress = progress;
		this.sealInterval = sealInterval;
		this.scanInterval = scan.interval();
	}

	@Override
	public void afterSingletonsInstantiated() {
		schedule("log-sealing", this.sealInterval, this::seal);
		schedule("review-scan", this.scanInterval, this::scan);
		schedule("audit-jobs-watch", this.scanInterval, this::watch);
	}

	void seal() {
		try {
			// a year of months ahead, so no read lands in the default partition
			this.months.prepareAhead();
		}
		catch (RuntimeException ex) {
			log.error("Could not make the next months of the disclosure log; trying again at the next run", ex);
		}
		try {
			this.sealer.sealSettled();
		}
		catch (RuntimeException ex) {
			// the next run tries again; the log itself is never at risk here
			log.error("Sealing failed; retrying at the next run", ex);
		}
	}

	void scan() {
		try {
			// review items the scan raises are revisions of an audit task, under the
			// policy in force
			this.work.run(AuditWorkspace.AUDIT, (access) -> this.scanner.scanSealed());
		}
		catch (RuntimeException ex) {
			log.error("Review scan failed; the next run continues from the last committed batch", ex);
		}
	}

	void watch() {
		try {
			this.progress.check();
		}
		catch (RuntimeException ex) {
			log.error("Could not check whether sealing and the review scan keep up", ex);
		}
	}

	private void schedule(String name, Duration interval, Runnable job) {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix(name + "-");
		scheduler.setWaitForTasksToCompleteOnShutdown(false);
		scheduler.initialize();
		scheduler.scheduleWithFixedDelay(() -> onOneInstance(name, interval, job),
				java.time.Instant.now().plus(interval), interval);
		this.schedulers.add(scheduler);
	}

	/**
	 * Runs the job unless another instance runs it or ran it in the last half interval.
	 * The lease ends at the latest after three intervals, so a dead instance holds no job
	 * for long.
	 */
	private void onOneInstance(String name, Duration interval, Runnable job) {
		Duration atMost = interval.multipliedBy(3);
		try {
			this.locks.executeWithLock(job,
					new LockConfiguration(java.time.Instant.now(), name, atMost, interval.dividedBy(2)));
		}
		catch (RuntimeException ex) {
			log.error("Could not take the lock of {}; trying again at the next run", name, ex);
		}
	}

	@Override
	public void destroy() {
		this.schedulers.forEach(ThreadPoolTaskScheduler::shutdown);
	}

}
