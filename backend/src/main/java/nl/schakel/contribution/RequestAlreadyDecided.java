package nl.schakel.contribution;

/** A disclosure request was granted or refused already; a decision is not taken twice. */
public class RequestAlreadyDecided extends RuntimeException {

	RequestAlreadyDecided() {
		super("This request has been decided already");
	}

}
