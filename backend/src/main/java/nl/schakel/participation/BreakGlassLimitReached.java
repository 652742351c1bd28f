package nl.schakel.participation;

/**
 * A professional asked for emergency access more often in a day than the policy allows.
 * The refusal itself is recorded (a security event and a review item), so it is not
 * rolled back.
 */
public class BreakGlassLimitReached extends RuntimeException {

	private final int limit;

	private final java.time.Duration retryAfter;

	BreakGlassLimitReached(int limit, java.time.Duration retryAfter) {
		super("Emergency access opened " + limit + " times in the last 24 hours");
		this.limit = limit;
		this.retryAfter = retryAfter;
	}

	/** How long until the oldest opening in the last 24 hours leaves the window. */
	public java.time.Duration retryAfter() {
		return this.retryAfter;
	}

	public int limit() {
		return this.limit;
	}

}
