package nl.schakel.security;

/**
 * Implemented by every principal Schakel authenticates, so {@link CurrentActor} can find
 * the {@link Actor} behind any login.
 */
public interface ActorPrincipal {

	Actor actor();

}
