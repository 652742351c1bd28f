package nl.schakel.disclosure;

import java.time.Duration;

/**
 * A professional read more cases than the access policy's {@code bulk-reads} allows:
 * nothing is read, nothing disclosed; the refusal is a security event and a review item.
 */
public class BulkReadLimitReached extends RuntimeException {

	private final Duration retryAfter;

	BulkReadLimitReached(Duration retryAfter) {
		super("Case read limit reached");
		this.retryAfter = retryAfter;
	}

	/** How long until the next case read is allowed. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
