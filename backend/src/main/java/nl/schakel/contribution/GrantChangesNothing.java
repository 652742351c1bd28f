package nl.schakel.contribution;

/**
 * A grant the access policy would not honour for the requester (their role, the request's
 * purpose, the item's category, the basis given): recording it as granted would tell both
 * sides something happened when nothing did. The request stays open.
 *
 * <p>
 * The reason is the description of the policy rule that decides instead.
 */
public class GrantChangesNothing extends RuntimeException {

	private final String reason;

	GrantChangesNothing(String reason) {
		super("The access policy would not show the item on this grant: " + reason);
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}
