package nl.schakel.web;

import java.util.Optional;
import java.util.UUID;

/**
 * What is known about the current request beyond the actor: its id (from
 * {@code X-Request-Id} or generated) and, once named, the purpose and the policy version that
 * governed it. Bound to the request's thread by {@link RequestIdFilter}; read by the
 * audit trail so every revision says why it happened.
 */
public final class RequestContext {

	private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

	private final String requestId;

	private String purpose;

	private String policyVersion;

	RequestContext(String requestId) {
		this.requestId = requestId;
	}

	public static Optional<RequestContext> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** Runs work outside an HTTP request (start-up seeding, commands) under its own request id. */
	public static void runDetached(String purpose, Runnable work) {
		RequestContext previous = CURRENT.get();
		RequestContext context = new RequestContext(UUID.randomUUID().toString());
		context.purpose = purpose;
		CURRENT.set(context);
		try {
			work.run();
		}
		finally {
			restore(previous);
		}
	}

	static void bind(RequestContext context) {
		CURRENT.set(context);
	}

	static void restore(RequestContext previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

	public String requestId() {
		return this.requestId;
	}

	public Optional<String> purpose() {
		return Optional.ofNullable(this.purpose);
	}

	public void purpose(String purpose) {
		this.purpose = purpose;
	}

	public Optional<String> policyVersion() {
		return Optional.ofNullable(this.policyVersion);
	}

	public void policyVersion(String policyVersion) {
		this.policyVersion = policyVersion;
	}

}
