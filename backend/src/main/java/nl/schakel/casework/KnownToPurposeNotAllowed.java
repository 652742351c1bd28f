package nl.schakel.casework;

/**
 * The known-to check was asked for a purpose the policy does not name for it: it is
 * refused before any search, so it appears in no subject-access report as a check.
 */
public class KnownToPurposeNotAllowed extends RuntimeException {

	KnownToPurposeNotAllowed() {
		super("The known-to check is not allowed for this purpose");
	}

}
