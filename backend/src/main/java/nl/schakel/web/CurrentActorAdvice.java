package nl.schakel.web;

import nl.schakel.security.Actor;
import nl.schakel.security.CurrentActor;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is logged in, for the header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentActorAdvice {

	@ModelAttribute("actor")
	Actor actor() {
		return CurrentActor.find().orElse(null);
	}

}
