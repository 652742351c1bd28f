package nl.schakel.notification;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import nl.schakel.security.Access;
import nl.schakel.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's notifications: the kind of event and the case's reference, never content.
 */
@RestController
@RequestMapping("/api/v1/my/notifications")
class NotificationApiController {

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	@Operation(summary = "The caller's notifications",
			description = "The newest notifications (at most 100) addressed to the caller or to the caller's whole "
					+ "organisation, each with id, kind, caseId, caseReference, createdAt and whether the caller read "
					+ "it, and the number unread. A notification names the kind of event and the case's reference, "
					+ "never content: no X-Purpose is needed and nothing is recorded as a disclosure.")
	NotificationList list(Access access) {
		Notifications.Inbox inbox = this.notifications.inbox(access.actor());
		return new NotificationList(inbox.notifications(), inbox.unread());
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Marks one of the caller's notifications read")
	ResponseEntity<?> markRead(Access access, @PathVariable UUID id) {
		return this.notifications.markRead(access.actor(), id)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound()));
	}

	@PostMapping("/read-all")
	@Operation(summary = "Marks every notification of the caller read")
	MarkedRead markAllRead(Access access) {
		int marked = this.notifications.markAllRead(access.actor());
		return new MarkedRead(marked, this.notifications.unread(access.actor()));
	}

	private static ProblemDetail notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "notification-not-found", "Notification not found",
				"No such notification, or it is not addressed to you");
	}

	/** The caller's notifications, newest first, and how many are unread. */
	record NotificationList(List<NotificationView> notifications, long unread) {
	}

	/** How many notifications were marked read, and how many are still unread. */
	record MarkedRead(int marked, long unread) {
	}

}
