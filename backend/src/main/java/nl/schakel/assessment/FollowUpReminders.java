package nl.schakel.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.schakel.database.ExclusiveWork;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.notification.NotificationKind;
import nl.schakel.notification.Notifications;
import nl.schakel.notification.Recipient;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the partner responsible for a follow-up moment, and the case's coordinator,
 * that the moment comes within {@code schakel.notifications.follow-up-reminder-days} days
 * ({@code FOLLOW_UP_DUE}) and, once it has passed unrecorded, that it is overdue
 * ({@code FOLLOW_UP_OVERDUE}): each once per moment and recipient however often it runs,
 * by the case's reference only. A case closed after its plan is followed up, and its
 * partners reminded, until its erasure date; moments on or after it are cancelled here,
 * with the reason. Like the deadline reminders, a job lock lets one instance run it per
 * interval and a transaction-scoped advisory lock lets one remind at a time.
 */
@Component
class FollowUpReminders {

	private static final Logger log = LoggerFactory.getLogger(FollowUpReminders.class);

	/** The advisory lock key of follow-up reminding ("FUPR" in ASCII). */
	static final long REMIND_LOCK = 0x46555052L;

	private final FollowUps followUps;

	private final Notifications notifications;

	private final CaseFileService cases;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	private final int daysAhead;

	private final boolean enabled;

	private final Duration interval;

	private final ExclusiveWork exclusive;

	FollowUpReminders(FollowUps followUps, Notifications notifications, CaseFileService cases,
			OrganisationDirectory organisations, Clock clock,
			@Value("${schakel.notifications.follow-up-reminder-days:7}") int daysAhead,
			@Value("${schakel.notifications.reminders-enabled:true}") boolean enabled,
			@Value("${schakel.notifications.reminder-interval:PT1H}") Duration interval, ExclusiveWork exclusive) {
		if (daysAhead < 0) {
			throw new IllegalArgumentException("schakel.notifications.follow-up-reminder-days must not be negative");
		}
		this.followUps = followUps;
		this.notifications = notifications;
		this.cases = cases;
		this.organisations = organisations;
		this.clock = clock;
		this.daysAhead = daysAhead;
		this.enabled = enabled;
		this.interval = interval;
		this.exclusive = exclusive;
	}

	@Scheduled(initialDelayString = "${schakel.notifications.reminder-interval:PT1H}",
			fixedDelayString = "${schakel.notifications.reminder-interval:PT1H}")
	void onSchedule() {
		if (this.enabled) {
			int made = this.exclusive.oncePerInterval("follow-up-reminders", this.interval, this::remind);
			if (made > 0) {
				log.info("Reminded {} recipient(s) of follow-up moments due or overdue", made);
			}
		}
	}

	/** Makes the follow-up reminders due today; answers how many it made. */
	@Transactional
	public int remind() {
		if (!this.exclusive.aloneInThisTransaction(REMIND_LOCK)) {
			return 0;
		}
		LocalDate today = LocalDate.now(this.clock);
		// moments of closed cases that fall on or after the case's erasure date are not
		// kept
		int cancelled = this.followUps.cancelAfterErasureDates(today);
		if (cancelled > 0) {
			log.info("Cancelled {} follow-up moment(s) after their case's erasure date", cancelled);
		}
		int made = 0;
		for (FollowUp moment : this.followUps.openDueBy(today.plusDays(this.daysAhead))) {
			Optional<CaseFacts> facts = this.cases.facts(new CaseId(moment.caseId()));
			// a case closed after its plan is followed up until its erasure date; one
			// closed otherwise no more: nobody is reminded of what cannot be done
			if (facts.isEmpty() || !this.followUps.stillDue(moment, facts.get())) {
				continue;
			}
			NotificationKind kind = moment.dueOn().isBefore(today) ? NotificationKind.FOLLOW_UP_OVERDUE
					: NotificationKind.FOLLOW_UP_DUE;
			for (Recipient recipient : recipients(moment, facts.get())) {
				if (this.notifications.notifyOnce(new CaseId(moment.caseId()), kind, moment.id(), recipient)) {
					made++;
				}
			}
		}
		return made;
	}

	/**
	 * The responsible partner (every professional of it) and the coordinator of the case.
	 */
	private List<Recipient> recipients(FollowUp moment, CaseFacts facts) {
		List<Recipient> recipients = new ArrayList<>();
		recipients.add(Recipient.organisation(moment.responsibleOrganisation()));
		if (facts.coordinator() != null && facts.organisationId() != null) {
			this.organisations.byId(facts.organisationId())
				.map(Organisation::code)
				.map((house) -> Recipient.professional(house, facts.coordinator()))
				.filter((coordinator) -> !coordinator.organisation().equals(moment.responsibleOrganisation()))
				.ifPresent(recipients::add);
		}
		return recipients;
	}

}
