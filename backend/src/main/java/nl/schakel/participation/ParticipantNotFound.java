package nl.schakel.participation;

/** No such admission on this case. */
public class ParticipantNotFound extends RuntimeException {

	ParticipantNotFound() {
		super("No such participant");
	}

}
