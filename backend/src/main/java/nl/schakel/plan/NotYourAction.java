package nl.schakel.plan;

/**
 * A partner reported on an action of another organisation: each reports on its own only.
 */
public class NotYourAction extends RuntimeException {

	public NotYourAction() {
		super("Only the responsible organisation (or the coordinator) updates this action");
	}

}
