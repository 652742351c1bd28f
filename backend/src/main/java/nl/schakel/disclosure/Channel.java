package nl.schakel.disclosure;

/** How content left the server. */
public enum Channel {

	UI, API, EXPORT

}
