package nl.schakel.web;

import nl.schakel.security.Actor;
import nl.schakel.security.CurrentActor;
import nl.schakel.security.Role;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the landing page after login. */
@Controller
class HomeController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home() {
		Actor actor = CurrentActor.require();
		if (actor.has(Role.COORDINATOR)) {
			return "redirect:/cases";
		}
		if (actor.has(Role.AUDITOR)) {
			return "redirect:/audit";
		}
		return "home";
	}

}
