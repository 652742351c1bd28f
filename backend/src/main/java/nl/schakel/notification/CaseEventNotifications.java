package nl.schakel.notification;

import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.meeting.MeetingScheduled;
import nl.schakel.plan.ActionAssigned;

import java.util.List;

import nl.schakel.contribution.ContributionAdded;
import nl.schakel.contribution.DisclosureRequestAnswered;
import nl.schakel.contribution.DisclosureRequested;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.OrganisationAdmitted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happens in cases into notifications. The listeners run inside the
 * transaction that published the event: the notification commits with the write, or not
 * at all.
 */
@Component
class CaseEventNotifications {

	private final Notifications notifications;

	private final OrganisationDirectory organisations;

	private final CaseFileService cases;

	CaseEventNotifications(Notifications notifications, OrganisationDirectory organisations, CaseFileService cases) {
		this.notifications = notifications;
		this.cases = cases;
		this.organisations = organisations;
	}

	/**
	 * A partner admitted to a case is told so. The safety house steering the case is
	 * admitted to each case it registers, which is no news to it.
	 */
	@EventListener
	void admitted(OrganisationAdmitted event) {
		boolean safetyHouse = this.organisations.byCode(event.organisation())
			.map(Organisation::domain)
			.filter(Domain.SAFETY_HOUSE::equals)
			.isPresent();
		if (!safetyHouse) {
			this.notifications.notify(new CaseId(event.caseId()), NotificationKind.ADMITTED_TO_CASE,
					Notifications.recipientsOf(event.organisation(), event.professionals()), null);
		}
	}

	/**
	 * The other organisations admitted to the case hear that there is something new;
	 * never what.
	 */
	@EventListener
	void contributionAdded(ContributionAdded event) {
		this.notifications.notifyParticipants(new CaseId(event.caseId()), NotificationKind.CONTRIBUTION_ADDED,
				event.authorOrganisation());
	}

	/** The holder of the item is asked to answer. */
	@EventListener
	void requested(DisclosureRequested event) {
		this.notifications.notify(new CaseId(event.caseId()), NotificationKind.DISCLOSURE_REQUEST_RECEIVED,
				List.of(Recipient.professional(event.holderOrganisation(), event.holder())), event.requestId());
	}

	/**
	 * Who asked hears that the request was answered; whether granted, they see in their
	 * requests.
	 */
	@EventListener
	void answered(DisclosureRequestAnswered event) {
		this.notifications.notify(new CaseId(event.caseId()), NotificationKind.DISCLOSURE_REQUEST_ANSWERED,
				List.of(Recipient.professional(event.requesterOrganisation(), event.requester())), event.requestId());
	}

	/**
	 * The organisation responsible for a new action of the plan hears it has one, and its
	 * deadline from the plan.
	 */
	@EventListener
	void actionAssigned(ActionAssigned event) {
		this.notifications.notify(new CaseId(event.caseId()), NotificationKind.ACTION_ASSIGNED,
				Notifications.recipientsOf(event.organisation(), List.of()), event.actionId());
	}

	/**
	 * The partners invited to a meeting (those admitted to a case on its agenda) hear it
	 * was scheduled or changed.
	 */
	@EventListener
	void meetingScheduled(MeetingScheduled event) {
		NotificationKind kind = event.changed() ? NotificationKind.MEETING_CHANGED : NotificationKind.MEETING_SCHEDULED;
		for (java.util.UUID caseId : event.caseIds()) {
			// the safety house scheduled it: it needs no word of its own meeting
			String steering = this.cases.facts(new CaseId(caseId))
				.flatMap((facts) -> this.organisations.byId(facts.organisationId()))
				.map(Organisation::code)
				.orElse(null);
			this.notifications.notifyParticipants(new CaseId(caseId), kind, steering);
		}
	}

}
