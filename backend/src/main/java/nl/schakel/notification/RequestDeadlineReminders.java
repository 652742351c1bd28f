package nl.schakel.notification;

import nl.schakel.plan.ActionSummary;
import nl.schakel.plan.PlanOfAction;

import java.time.Clock;
import java.time.LocalDate;

import nl.schakel.database.ExclusiveWork;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.contribution.DisclosureRequestService;
import nl.schakel.contribution.OpenRequestDeadline;
import nl.schakel.contribution.RequestDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

	private final CaseFileService cases;

	private final PlanOfAction plan;

	private final boolean enabled;

	private final java.time.Duration interval;

	private final ExclusiveWork exclusive;

	RequestDeadlineReminders(DisclosureRequestService requests, Notifications notifications, Clock clock,
			CaseFileService cases, PlanOfAction plan,
			@Value("${schakel.notifications.reminders-enabled:true}") boolean enabled,
			@Value("${schakel.notifications.reminder-interval:PT1H}") java.time.Duration interval,
			ExclusiveWork exclusive) {
		this.exclusive = exclusive;
		this.interval = interval;
		this.cases = cases;
		this.plan = plan;
		this.requests = requests;
		this.notifications = notifications;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Scheduled(initialDelayString = "${schakel.notifications.reminder-interval:PT1H}",
			fixedDelayString = "${schakel.notifications.reminder-interval:PT1H}")
	void onSchedule() {
		if (this.enabled) {
			int made = this.exclusive.oncePerInterval("request-deadline-reminders", this.interval, this::remind);
			if (made > 0) {
				log.info("Reminded holders of {} disclosure request deadline(s)", made);
			}
		}
	}

	/** Makes the reminders due today; answers how many it made. */
	@Transactional
	public int remind() {
		if (!this.exclusive.aloneInThisTransaction(REMIND_LOCK)) {
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
			if (this.notifications.notifyOnce(new CaseId(request.caseId()), kind, request.requestId(),
					Recipient.professional(request.holderOrganisation(), request.holder()))) {
				made++;
			}
		}
		// an action past its deadline: its organisation is reminded once
		for (ActionSummary action : this.plan.overdue()) {
			if (this.cases.facts(new CaseId(action.caseId())).map(CaseFacts::open).orElse(false)
					&& this.notifications.notifyOnce(new CaseId(action.caseId()), NotificationKind.ACTION_OVERDUE,
							action.id(), Recipient.organisation(action.organisation()))) {
				made++;
			}
		}
		return made;
	}

}
