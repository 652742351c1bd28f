package nl.schakel.consent;

/** No such consent for this person. */
public class ConsentNotFound extends RuntimeException {

	ConsentNotFound() {
		super("No such consent");
	}

}
