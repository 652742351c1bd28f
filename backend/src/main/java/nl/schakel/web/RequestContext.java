package nl.schakel.web;

import java.util.Optional;
import java.util.function.Function;

import nl.schakel.security.Access;
import nl.schakel.security.Actor;
import nl.schakel.security.ActorPrincipal;
import nl.schakel.security.Channel;
import nl.schakel.security.CurrentActor;

import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * What is known about the current request beyond the actor: its id (always made here, a
 * UUID v7), the caller's own correlation id if it sent a usable one, and, once named, the
 * purpose and the policy version that governed it. Bound to the request's thread by
 * {@link RequestIdFilter}; read by the audit trail so every revision says why it
 * happened. The request id is ours alone: a caller's value could be shared by many users
 * or requests, so it is kept apart as a correlation id and never taken for the request's
 * identity.
 * <p>
 * Once the request's {@link Access} is resolved ({@link AccessArgumentResolver}) it is
 * bound here too, for the one reader that cannot be handed it as an argument: the change
 * history's revision listener, which Hibernate Envers instantiates and calls itself.
 * Domain code never reads this class; it is passed the {@link Access}.
 */
public final class RequestContext {

	private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

	private final String requestId;

	private final String correlationId;

	private String purpose;

	private String policyVersion;

	private Access access;

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

	/**
	 * Runs work outside an HTTP request (start-up seeding, commands) under its own
	 * request id.
	 */
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

	/**
	 * Runs work no HTTP request starts — a scheduled job, start-up seeding — under its
	 * own request id, as this actor (none for a job) for this purpose under this policy
	 * version, and hands the work the {@link Access} it runs under. The access is bound
	 * for the change history as well.
	 */
	public static <T> T runAs(Actor actor, String purpose, String policyVersion, Function<Access, T> work) {
		RequestContext previous = CURRENT.get();
		RequestContext context = new RequestContext(newRequestId(), null);
		context.purpose = purpose;
		context.policyVersion = policyVersion;
		context.access = new Access(actor, purpose, Channel.UI, context.requestId, null);
		CURRENT.set(context);
		try {
			return work.apply(context.access);
		}
		finally {
			restore(previous);
		}
	}

	/**
	 * Runs work no HTTP request starts (start-up seeding) as this account, as a request
	 * of that account would: signed in for the services' method security, with its
	 * {@link Access} bound for the change history and handed to the work.
	 */
	public static <T> T runAsAccount(UserDetails account, String purpose, String policyVersion,
			Function<Access, T> work) {
		Actor actor = (account instanceof ActorPrincipal principal) ? principal.actor() : null;
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext acting = SecurityContextHolder.createEmptyContext();
		acting.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		SecurityContextHolder.setContext(acting);
		try {
			return runAs(actor, purpose, policyVersion, work);
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * Who acts in the current thread, for the change history alone: the actor of the
	 * bound {@link Access}, else of the security context (a request whose handler took no
	 * access).
	 */
	public static Optional<Actor> whoActs() {
		Optional<Actor> bound = current().flatMap(RequestContext::access).flatMap(Access::findActor);
		return bound.isPresent() ? bound : CurrentActor.find();
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

	/**
	 * What the caller sent as {@code X-Request-Id}, if printable and short; never unique,
	 * never trusted.
	 */
	public Optional<String> correlationId() {
		return Optional.ofNullable(this.correlationId);
	}

	public Optional<String> purpose() {
		return Optional.ofNullable(this.purpose);
	}

	public void purpose(String purpose) {
		this.purpose = purpose;
	}

	/** The access resolved for this request, once a handler asked for it. */
	public Optional<Access> access() {
		return Optional.ofNullable(this.access);
	}

	void access(Access access) {
		this.access = access;
		if (access.purpose() != null) {
			this.purpose = access.purpose();
		}
	}

	public Optional<String> policyVersion() {
		return Optional.ofNullable(this.policyVersion);
	}

	public void policyVersion(String policyVersion) {
		this.policyVersion = policyVersion;
	}

}
