package nl.schakel.casefile;

/**
 * A write on a case that is closed (or declined at triage). A closed case is a record for
 * accountability: nothing is added to it and no one is admitted to it until the
 * coordinator reopens it.
 */
public class CaseClosed extends RuntimeException {

	private final CaseStatus status;

	private final TriageOutcome triageOutcome;

	public CaseClosed(CaseStatus status, TriageOutcome triageOutcome) {
		super("The case is " + status + ((triageOutcome != null && triageOutcome != TriageOutcome.ACCEPTED)
				? " (" + triageOutcome + " at triage)" : "") + ": it accepts no writes until it is reopened");
		this.status = status;
		this.triageOutcome = triageOutcome;
	}

	public CaseStatus status() {
		return this.status;
	}

	/**
	 * {@code DECLINED} or {@code ADVICE_ONLY} when triage ended the case; else
	 * {@code null} or {@code ACCEPTED}.
	 */
	public TriageOutcome triageOutcome() {
		return this.triageOutcome;
	}

}
