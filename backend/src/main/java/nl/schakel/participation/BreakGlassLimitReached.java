package nl.schakel.participation;

/**
 * A professional asked for emergency access more often in a day than the policy allows. The
 * refusal itself is recorded (a security event and a review item), so it is not rolled back.
 */
public class BreakGlassLimitReached extends RuntimeException {

	private final int limit;

	BreakGlassLimitReached(int limit) {
		super("Emergency access opened " + limit + " times in the last 24 hours");
		this.limit = limit;
	}

	public int limit() {
		return this.limit;
	}

}
