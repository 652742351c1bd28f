package nl.schakel.plan;

/**
 * A status report on an action, with a progress note (required to cancel: the reason).
 */
public record StatusUpdate(ActionStatus status, String note) {

	@Override
	public String toString() {
		return "StatusUpdate[status=" + this.status + "]";
	}

}
