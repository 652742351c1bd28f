package nl.schakel.organisation;

/** The domain a partner organisation works in. */
public enum Domain {

	CARE, JUSTICE, MUNICIPAL, SAFETY_HOUSE

}
