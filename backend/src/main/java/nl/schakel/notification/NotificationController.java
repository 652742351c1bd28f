package nl.schakel.notification;

import java.util.UUID;

import nl.schakel.security.CurrentActor;

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
	String inbox(Model model) {
		model.addAttribute("inbox", this.notifications.inbox(CurrentActor.require()));
		return "notifications";
	}

	@PostMapping("/{id}/read")
	String markRead(@PathVariable UUID id) {
		this.notifications.markRead(CurrentActor.require(), id);
		return "redirect:/notifications";
	}

	@PostMapping("/read-all")
	String markAllRead() {
		this.notifications.markAllRead(CurrentActor.require());
		return "redirect:/notifications";
	}

}
