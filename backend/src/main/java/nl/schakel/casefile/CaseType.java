package nl.schakel.casefile;

/** Why the person came to the safety house. */
public enum CaseType {

	RADICALISATION, CONFUSED_BEHAVIOUR, HIGH_IMPACT_CRIME, DOMESTIC_VIOLENCE, OTHER

}
