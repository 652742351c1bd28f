package nl.schakel.policy;

/**
 * The category of a contribution's content (gegevenscategorie). The category, not the
 * author, decides how sensitive an item is.
 */
public enum DataCategory {

	/** Anything not covered by a more specific category. */
	GENERAL,

	/** Who the person is: name, address, date of birth, BSN. */
	IDENTITY,

	/** Housing, income, family, school, work. */
	SOCIAL,

	/**
	 * Health data: a special category under GDPR art. 9, usually under medical secrecy.
	 */
	HEALTH,

	/** Criminal data under GDPR art. 10: police and justice information. */
	CRIMINAL,

	/** Risk assessments and signals. */
	RISK

}
