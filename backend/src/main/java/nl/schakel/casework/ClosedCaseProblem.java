package nl.schakel.casework;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.TriageOutcome;
import nl.schakel.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one answer the API gives to a write on a closed or declined case. */
final class ClosedCaseProblem {

	static final String TYPE = "case-closed";

	private ClosedCaseProblem() {
	}

	static ProblemDetail of(CaseClosed closed) {
		boolean declined = closed.triageOutcome() != null && closed.triageOutcome() != TriageOutcome.ACCEPTED;
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, TYPE, "Case closed",
				"The case is " + closed.status() + (declined ? " (" + closed.triageOutcome() + " at triage)" : "")
						+ ": it accepts no contributions, consents, requests, admissions or status moves until the"
						+ " coordinator reopens it");
		problem.setProperty("status", closed.status().name());
		if (declined) {
			problem.setProperty("triageOutcome", closed.triageOutcome().name());
		}
		return problem;
	}

}
