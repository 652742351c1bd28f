package nl.schakel.security;

import org.springframework.stereotype.Component;

/**
 * What features record in the security log: refusals that are not about a credential but
 * about a signed-in user going further than the policy allows.
 */
@Component
public class SecurityLog {

	private final SecurityEvents events;

	SecurityLog(SecurityEvents events) {
		this.events = events;
	}

	/**
	 * A professional was refused emergency access because they reached the day's limit.
	 */
	public void breakGlassRefused(String username, String reason) {
		this.events.refused(SecurityEvents.Kind.BREAK_GLASS_REFUSED, reason, username, null, null, null);
	}

	/**
	 * A professional was refused a case read for reading more cases than the policy
	 * allows.
	 */
	public void bulkReadRefused(String username, String reason) {
		this.events.refused(SecurityEvents.Kind.BULK_READ_REFUSED, reason, username, null, null, null);
	}

}
