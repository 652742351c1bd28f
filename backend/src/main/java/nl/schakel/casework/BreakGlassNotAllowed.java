package nl.schakel.casework;

/** The policy does not let this role open emergency access. */
public class BreakGlassNotAllowed extends RuntimeException {

	BreakGlassNotAllowed() {
		super("Your role may not open emergency access");
	}

}
