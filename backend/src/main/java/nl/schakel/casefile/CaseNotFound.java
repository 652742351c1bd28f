package nl.schakel.casefile;

/** No case with that id, or none the actor may know of: the two are not told apart. */
public class CaseNotFound extends RuntimeException {

	public CaseNotFound() {
		super("No such case");
	}

}
