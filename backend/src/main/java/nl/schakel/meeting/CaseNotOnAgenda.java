package nl.schakel.meeting;

/** Minutes are written only for a case on the meeting's agenda. */
public class CaseNotOnAgenda extends RuntimeException {

	public CaseNotOnAgenda() {
		super("This case is not on the meeting's agenda");
	}

}
