package nl.schakel.casefile;

/** A case was asked to move to a status its current status does not lead to. */
public class StatusTransitionNotAllowed extends RuntimeException {

	private final CaseStatus from;

	private final CaseStatus to;

	StatusTransitionNotAllowed(CaseStatus from, CaseStatus to) {
		super("A case cannot move from " + from + " to " + to);
		this.from = from;
		this.to = to;
	}

	public CaseStatus from() {
		return this.from;
	}

	public CaseStatus to() {
		return this.to;
	}

}
