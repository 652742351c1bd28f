package nl.schakel.consent;

import org.springframework.security.access.AccessDeniedException;

/**
 * Only the organisation that recorded a consent records or withdraws it (and the
 * coordinator, for a withdrawal made at the safety house); a participant of the case
 * learns that it may not, nothing more.
 */
public class ConsentHeldByAnother extends AccessDeniedException {

	ConsentHeldByAnother(String message) {
		super(message);
	}

}
