package nl.schakel.casefile;

/**
 * A step the status machine allows, refused by a rule of another feature (see
 * {@link StatusPrecondition}): the case stays where it is.
 */
public class StatusPreconditionNotMet extends RuntimeException {

	private final CaseStatus from;

	private final CaseStatus to;

	private final StatusPrecondition.Refusal refusal;

	StatusPreconditionNotMet(CaseStatus from, CaseStatus to, StatusPrecondition.Refusal refusal) {
		super(refusal.message());
		this.from = from;
		this.to = to;
		this.refusal = refusal;
	}

	public CaseStatus from() {
		return this.from;
	}

	public CaseStatus to() {
		return this.to;
	}

	public StatusPrecondition.Refusal refusal() {
		return this.refusal;
	}

}
