package nl.schakel.participation;

/**
 * The safety house that steers a case cannot be removed from it: its coordinator would
 * lock themselves out of their own case. A case that needs no steering any more is closed
 * instead.
 */
public class SteeringHouseStays extends RuntimeException {

	SteeringHouseStays() {
		super("The safety house that steers the case stays on it; close the case instead");
	}

}
