package nl.schakel.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page; the start page after login is the user's own work
 * ({@code casework.MyWorkController}).
 */
@Controller
class HomeController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
