package nl.schakel.notification;

import java.util.UUID;

import nl.schakel.security.Access;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The inbox page: what happened in which case, by reference, with a way to the case. */
@Controller
@RequestMapping("/notifications")
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	String inbox(Access access, Model model) {
		model.addAttribute("inbox", this.notifications.inbox(access.actor()));
		return "notifications";
	}

	@PostMapping("/{id}/read")
	String markRead(Access access, @PathVariable UUID id) {
		this.notifications.markRead(access.actor(), id);
		return "redirect:/notifications";
	}

	@PostMapping("/read-all")
	String markAllRead(Access access) {
		this.notifications.markAllRead(access.actor());
		return "redirect:/notifications";
	}

}
