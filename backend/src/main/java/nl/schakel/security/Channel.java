package nl.schakel.security;

/** How content left the server. */
public enum Channel {

	UI, API, EXPORT

}
