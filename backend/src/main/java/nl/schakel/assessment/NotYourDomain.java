package nl.schakel.assessment;

/**
 * An organisation tried to rate a domain its kind of organisation does not rate, or to
 * judge as coordinator.
 */
class NotYourDomain extends RuntimeException {

	private final String field;

	NotYourDomain(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
