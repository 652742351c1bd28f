package nl.schakel.web;

import java.util.Optional;

import org.hibernate.id.uuid.UuidVersion7Strategy;

/**
 * What is known about the current request beyond the actor: its id (always made here, a UUID
 * v7), the caller's own correlation id if it sent a usable one, and, once named, the purpose
 * and the policy version that governed it. Bound to the request's thread by
 * {@link RequestIdFilter}; read by the audit trail so every revision says why it happened.
 * The request id is ours alone: a caller's value could be shared by many users or requests, so
 * it is kept apart as a correlation id and never taken for the request's identity.
 */
public final class RequestContext {

	private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

	private final String requestId;

	private final String correlationId;

	private String purpose;

	private String policyVersion;

	RequestContext(String requestId, String correlationId) {
		this.requestId = requestId;
		this.correlationId = correlationId;
	}

	/** A new request id: a version 7 UUID, so ids sort by the time they were made. */
	static String newRequestId() {
		return UuidVersion7Strategy.INSTANCE.generateUuid(null).toString();
	}

	public static Optional<RequestContext> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** Runs work outside an HTTP request (start-up seeding, commands) under its own request id. */
	public static void runDetached(String purpose, Runnable work) {
		RequestContext previous = CURRENT.get();
		RequestContext context = new RequestContext(newRequestId(), null);
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

	/** What the caller sent as {@code X-Request-Id}, if printable and short; never unique, never trusted. */
	public Optional<String> correlationId() {
		return Optional.ofNullable(this.correlationId);
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
