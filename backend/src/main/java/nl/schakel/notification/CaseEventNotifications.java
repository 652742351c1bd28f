package nl.schakel.notification;

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
 * Turns what happens in cases into notifications. The listeners run inside the transaction
 * that published the event: the notification commits with the write, or not at all.
 */
@Component
class CaseEventNotifications {

	private final Notifications notifications;

	private final OrganisationDirectory organisations;

	CaseEventNotifications(Notifications notifications, OrganisationDirectory organisations) {
		this.notifications = notifications;
		this.organisations = organisations;
	}

	/**
	 * A partner admitted to a case is told so. The safety house steering the case is admitted to
	 * each case it registers, which is no news to it.
	 */
	@EventListener
	void admitted(OrganisationAdmitted event) {
		boolean safetyHouse = this.organisations.byCode(event.organisation())
			.map(Organisation::domain)
			.filter(Domain.SAFETY_HOUSE::equals)
			.isPresent();
		if (!safetyHouse) {
			this.notifications.notify(event.caseId(), NotificationKind.ADMITTED_TO_CASE,
					Notifications.recipientsOf(event.organisation(), event.professionals()), null);
		}
	}

	/** The other organisations admitted to the case hear that there is something new; never what. */
	@EventListener
	void contributionAdded(ContributionAdded event) {
		this.notifications.notifyParticipants(event.caseId(), NotificationKind.CONTRIBUTION_ADDED,
				event.authorOrganisation());
	}

	/** The holder of the item is asked to answer. */
	@EventListener
	void requested(DisclosureRequested event) {
		this.notifications.notify(event.caseId(), NotificationKind.DISCLOSURE_REQUEST_RECEIVED,
				List.of(Recipient.professional(event.holderOrganisation(), event.holder())), event.requestId());
	}

	/** Who asked hears that the request was answered; whether granted, they see in their requests. */
	@EventListener
	void answered(DisclosureRequestAnswered event) {
		this.notifications.notify(event.caseId(), NotificationKind.DISCLOSURE_REQUEST_ANSWERED,
				List.of(Recipient.professional(event.requesterOrganisation(), event.requester())), event.requestId());
	}

}
