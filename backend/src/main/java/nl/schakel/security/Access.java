package nl.schakel.security;

import java.util.Objects;
import java.util.Optional;

/**
 * Who reads or writes case data, why, how, and in which request: resolved once at the
 * edge (an HTTP request, a scheduled job, start-up seeding) and passed as an argument
 * into every service that touches case data and into the disclosure gate. Nothing below
 * the edge asks the thread who is acting or for what: a reader of a use case sees in its
 * signature that it depends on who asks.
 *
 * @param actor who acts; absent only for work no person starts (a scheduled job)
 * @param purpose the code of the purpose the work serves, if one was named (the
 * {@code X-Purpose} header, the purpose chosen for the case in the UI, the purpose a job
 * serves)
 * @param channel how content leaves the server
 * @param requestId the server's own id of the request or job (a UUID v7), never the
 * caller's
 * @param correlationId what the caller sent as its own request id, if usable; never
 * trusted
 */
public record Access(Actor actor, String purpose, Channel channel, String requestId, String correlationId) {

	public Access {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(requestId, "requestId");
		purpose = (purpose == null || purpose.isBlank()) ? null : purpose;
	}

	/** Work a person does, under their actor. */
	public static Access of(Actor actor, String purpose, Channel channel, String requestId) {
		return new Access(Objects.requireNonNull(actor, "actor"), purpose, channel, requestId, null);
	}

	/** Work no person starts: a scheduled job under the purpose it serves. */
	public static Access system(String purpose, String requestId) {
		return new Access(null, purpose, Channel.UI, requestId, null);
	}

	/**
	 * The acting person. Fails closed: work that needs an actor and finds none gets an
	 * exception, never an anonymous default.
	 */
	public Actor actor() {
		if (this.actor == null) {
			throw new IllegalStateException("No authenticated Schakel actor");
		}
		return this.actor;
	}

	/** The acting person, if one acts. */
	public Optional<Actor> findActor() {
		return Optional.ofNullable(this.actor);
	}

	public Optional<String> findPurpose() {
		return Optional.ofNullable(this.purpose);
	}

	/** The same access under this purpose: the one a page or call chose and checked. */
	public Access forPurpose(String purposeCode) {
		return new Access(this.actor, purposeCode, this.channel, this.requestId, this.correlationId);
	}

	/** The same access through another channel, e.g. an export of what the API serves. */
	public Access via(Channel other) {
		return new Access(this.actor, this.purpose, other, this.requestId, this.correlationId);
	}

}
