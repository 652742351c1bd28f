package nl.schakel.plan;

/** Where an action stands; CANCELLED takes a reason. */
public enum ActionStatus {

	OPEN, IN_PROGRESS, DONE, CANCELLED;

	/** Still to be done: counts for overdue and holds a case back from monitoring. */
	public boolean pending() {
		return this == OPEN || this == IN_PROGRESS;
	}

}
