package nl.schakel.consent;

/**
 * No such consent on this case: the same answer for a consent of another case as for
 * none.
 */
public class ConsentNotFound extends RuntimeException {

	ConsentNotFound() {
		super("No such consent");
	}

}
