package nl.schakel.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.schakel.security.ActingRole;
import nl.schakel.security.CurrentActor;
import nl.schakel.security.Role;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page where a user whose account has several roles chooses the one to act in for
 * this session, and comes back to switch.
 */
@Controller
@RequestMapping(ActingRole.CHOICE_PAGE)
class RoleController {

	@GetMapping
	String choose(Model model) {
		return page(model);
	}

	@PostMapping
	String chosen(@RequestParam(required = false) String role, HttpSession session, Model model,
			HttpServletResponse response) {
		if (role == null || !ActingRole.choose(session, role)) {
			model.addAttribute("roleError", "role.required");
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model);
		}
		return "redirect:/";
	}

	private static String page(Model model) {
		List<String> roles = ActingRole.ofAccount().stream().sorted(Comparator.naturalOrder()).map(Role::code).toList();
		model.addAttribute("roles", roles);
		model.addAttribute("current",
				CurrentActor.find()
					.filter((actor) -> actor.roles().size() == 1)
					.map((actor) -> actor.roles().iterator().next().code())
					.orElse(null));
		return "role";
	}

}
