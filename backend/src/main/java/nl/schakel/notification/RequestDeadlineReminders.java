package nl.schakel.notification;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import nl.schakel.plan.ActionSummary;
import nl.schakel.plan.PlanOfAction;

import java.time.Clock;
import java.time.LocalDate;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.casefile.CaseId;
import nl.schakel.contribution.DisclosureRequestService;
import nl.schakel.contribution.OpenRequestDeadline;
import nl.schakel.contribution.RequestDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the holder of an open disclosure request one working day before its deadline
 * ({@code REQUEST_DEADLINE_NEAR}) and once it has passed
 * ({@code REQUEST_DEADLINE_PASSED}), each once however often it runs. Every instance
 * schedules it; a job lock lets one instance run it per interval, and a
 * transaction-scoped advisory lock lets one remind at a time.
 */
@Component
class RequestDeadlineReminders {

	private static final Logger log = LoggerFactory.getLogger(RequestDeadlineReminders.class);

	/** The advisory lock key of reminding ("RMND" in ASCII). */
	static final long REMIND_LOCK = 0x524D4E44L;

	private final DisclosureRequestService requests;

	private final Notifications notifications;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	private final CaseFileService cases;

	private final PlanOfAction plan;

	private final boolean enabled;

	private final LockingTaskExecutor locks;

	private final java.time.Duration interval;

	private final TransactionTemplate transactions;

	RequestDeadlineReminders(DisclosureRequestService requests, Notifications notifications, Clock clock,
			JdbcTemplate jdbc, CaseFileService cases, PlanOfAction plan,
			@Value("${schakel.notifications.reminders-enabled:true}") boolean enabled, LockingTaskExecutor locks,
			@Value("${schakel.notifications.reminder-interval:PT1H}") java.time.Duration interval,
			TransactionTemplate transactions) {
		this.transactions = transactions;
		this.locks = locks;
		this.interval = interval;
		this.cases = cases;
		this.plan = plan;
		this.requests = requests;
		this.notifications = notifications;
		this.clock = clock;
		this.jdbc = jdbc;
		this.enabled = enabled;
	}

	@Scheduled(initialDelayString = "${schakel.notifications.reminder-interval:PT1H}",
			fixedDelayString = "${schakel.notifications.reminder-interval:PT1H}")
	void onSchedule() {
		if (this.enabled) {
			this.locks.executeWithLock((Runnable) () -> {
				// called on itself, remind() would bypass its @Transactional proxy: the
				// advisory lock must last as long as the reminding, so both share one
				// transaction
				Integer made = this.transactions.execute((status) -> remind());
				if (made != null && made > 0) {
					log.info("Reminded holders of {} disclosure request deadline(s)", made);
				}
			}, new LockConfiguration(java.time.Instant.now(), "request-deadline-reminders",
					this.interval.multipliedBy(3), this.interval.dividedBy(2)));
		}
	}

	/** Makes the reminders due today; answers how many it made. */
	@Transactional
	public int remind() {
		Boolean locked = this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, REMIND_LOCK);
		if (!Boolean.TRUE.equals(locked)) {
			return 0;
		}
		LocalDate today = LocalDate.now(this.clock);
		int made = 0;
		for (OpenRequestDeadline request : this.requests.openDueBy(RequestDeadlines.addWorkingDays(today, 1))) {
			// a closed case takes no answers: nobody is reminded of what cannot be done
			if (!this.cases.facts(new CaseId(request.caseId())).map(CaseFacts::open).orElse(false)) {
				continue;
			}
			NotificationKind kind = today.isAfter(request.due()) ? NotificationKind.REQUEST_DEADLINE_PASSED
					: NotificationKind.REQUEST_DEADLINE_NEAR;
			if (this.notifications.notifyOnce(request.caseId(), kind, request.requestId(),
					Recipient.professional(request.holderOrganisation(), request.holder()))) {
				made++;
			}
		}
		// an action past its deadline: its organisation is reminded once
		for (ActionSummary action : this.plan.overdue()) {
			if (this.cases.facts(new CaseId(action.caseId())).map(CaseFacts::open).orElse(false)
					&& this.notifications.notifyOnce(action.caseId(), NotificationKind.ACTION_OVERDUE, action.id(),
							Recipient.organisation(action.organisation()))) {
				made++;
			}
		}
		return made;
	}

}
