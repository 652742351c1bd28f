package nl.schakel.plan;

/** No such action in this case (or the reader takes no part in the case). */
public class ActionNotFound extends RuntimeException {

	public ActionNotFound() {
		super("No such action in this case");
	}

}
