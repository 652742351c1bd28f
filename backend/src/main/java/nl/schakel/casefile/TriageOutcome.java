package nl.schakel.casefile;

/** What triage decided about a referral. */
public enum TriageOutcome {

	/** Taken on as a case: it moves into case consultation. */
	ACCEPTED,
	/** The safety house gives advice only; the case closes. */
	ADVICE_ONLY,
	/** Declined, with a reason; the case closes. */
	DECLINED

}
