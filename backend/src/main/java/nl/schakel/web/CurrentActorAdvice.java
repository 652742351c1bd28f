package nl.schakel.web;

import java.util.Set;

import nl.schakel.security.ActingRole;
import nl.schakel.security.Actor;
import nl.schakel.security.CurrentActor;
import nl.schakel.security.Role;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is logged in, and in which role, for the header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentActorAdvice {

	@ModelAttribute("actor")
	Actor actor() {
		return CurrentActor.find().orElse(null);
	}

	/** The account's roles, so the header offers a switch to an account with several. */
	@ModelAttribute("accountRoles")
	Set<Role> accountRoles() {
		return ActingRole.ofAccount();
	}

}
